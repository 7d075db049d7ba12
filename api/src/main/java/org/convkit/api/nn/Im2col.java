package org.convkit.api.nn;

/**
 * The column transform of a convolution and its adjoint, for a fixed {@link ConvLayerGeometry}.
 *
 * <p>{@link #im2col} lays out, for each source channel {@code c} and kernel tap {@code t} (taps in
 * row-major order of the kernel), one row of the column matrix: {@code cols[c K + t, p]} is the
 * source value that output position {@code p} multiplies with tap {@code t}, or 0 in the padding.
 * A convolution is then one matrix product per group. {@link #col2im} is the exact adjoint: it adds
 * every column entry back into the source position it came from, in a fixed order.
 *
 * <p>{@link Im2colNd} is the rank-generic version. A rank-specialised one (a {@code Conv2dIm2col}
 * in the conv2d module) would fix the loop nest at compile time, unroll small kernels and skip the
 * per-row offset table; it must agree with the generic one bit for bit, since both only move data.
 */
interface Im2col {

    ConvLayerGeometry geometry();

    /**
     * The number of runs the output positions are cut into: the product of all output sizes but
     * the last. Output positions {@code [q L, (q + 1) L)} form run {@code q}, {@code L} the last
     * output size; callers may transform a range of runs at a time to keep the columns in cache.
     */
    int runs();

    /**
     * Writes the column matrix of runs {@code [qLo, qHi)} of the {@code channels x in} source at
     * {@code xOff} into {@code cols} from {@code colsOff}: {@code channels K} rows ({@code K} taps)
     * of {@code (qHi - qLo) L} output positions.
     */
    void im2col(float[] x, int xOff, int channels, int qLo, int qHi, float[] cols, int colsOff);

    /** Adds the column matrix of runs {@code [qLo, qHi)} at {@code colsOff} into the source at {@code xOff}. */
    void col2im(float[] cols, int colsOff, int channels, int qLo, int qHi, float[] x, int xOff);

    /** {@link #im2col} of all runs. */
    default void im2col(float[] x, int xOff, int channels, float[] cols, int colsOff) {
        im2col(x, xOff, channels, 0, runs(), cols, colsOff);
    }

    /** {@link #col2im} of all runs. */
    default void col2im(float[] cols, int colsOff, int channels, float[] x, int xOff) {
        col2im(cols, colsOff, channels, 0, runs(), x, xOff);
    }

    /** The transform for {@code g}. */
    static Im2col of(ConvLayerGeometry g) {
        return new Im2colNd(g);
    }
}
