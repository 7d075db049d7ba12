package org.convkit.api.linalg;

import java.util.Objects;

/**
 * A {@code k x n} right operand whose row {@code p} is the run of {@code n} floats of one array
 * from {@code off + starts[p]}: shifted, possibly overlapping, views of the same data. A stride-1
 * convolution's column matrix is one, read from the zero-padded input (row {@code c K + t} is
 * channel {@code c} shifted by tap {@code t}'s offset), so {@link Sgemm#gemm(PackedA, ShiftedB,
 * float, float[], int, int, int)} multiplies without building or packing it.
 *
 * <p>The kernels read whole strips of 16 columns; where a row's last strip would run past the
 * array, that strip is copied into a zero-padded sliver first, so callers need no slack (with
 * 15 floats of slack after every row the copy never happens).
 */
public final class ShiftedB {
    private final float[] data;
    private final int off;
    private final int[] starts;
    private final int n;
    private final int maxStart;

    /**
     * Row {@code p} of B is {@code data[off + starts[p] + j]}, {@code j < n}; {@code starts} is not copied.
     *
     * @throws IllegalArgumentException if {@code n} is negative or a row is outside the array
     */
    public ShiftedB(float[] data, int off, int[] starts, int n) {
        this.data = Objects.requireNonNull(data, "data");
        this.starts = Objects.requireNonNull(starts, "starts");
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got " + n);
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int s : starts) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        if (starts.length > 0 && n > 0 && ((long) off + lo < 0 || (long) off + hi + n > data.length)) {
            throw new IllegalArgumentException("rows from offset " + off + " with starts " + lo + " to " + hi + " and "
                    + n + " columns fall outside an array of " + data.length + " floats");
        }
        this.off = off;
        this.n = n;
        this.maxStart = hi;
    }

    /** The rows of B (the inner dimension of the product). */
    public int k() {
        return starts.length;
    }

    /** The columns of B. */
    public int n() {
        return n;
    }

    float[] data() {
        return data;
    }

    int offset() {
        return off;
    }

    int[] starts() {
        return starts;
    }

    /** Whether every row can be read in place for columns {@code [j, j + width)}, past {@code n} included. */
    boolean readable(int j, int width) {
        return (long) off + maxStart + j + width <= data.length;
    }

    /** Row {@code p}, columns {@code [j0, j0 + count)} into {@code dst} from {@code dstOff}. */
    void copyRow(int p, int j0, int count, float[] dst, int dstOff) {
        System.arraycopy(data, at(p, j0), dst, dstOff, count);
    }

    /** Where element {@code (p, j)} is in {@link #data}. */
    int at(int p, int j) {
        return off + starts[p] + j;
    }
}
