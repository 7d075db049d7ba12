package org.convkit.api.signal;

import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Filtering by second-order sections, as scipy.signal's sosfilt, sosfilt_zi and sosfiltfilt. A
 * filter is an {@code n x 6} array, row {@code s} = {@code [b0, b1, b2, a0, a1, a2]} of section
 * {@code s} with {@code a0 == 1} (scipy's requirement, checked); sections run in row order. The
 * recursion is {@link BiquadCascade}'s, so chunked filtering with the state carried over is
 * bit-identical to filtering whole. It fuses scipy's multiply-adds, so outputs differ from scipy's
 * in the last bits (about 1e-13 on unit-scale signals); the states of {@link #sosfiltZi} are scipy's
 * exactly.
 *
 * <p>Arrays of any rank are filtered along their last (time) axis, rows independently on
 * {@code ctx.threads()} threads (results do not depend on the thread count). The state of a signal of
 * shape {@code (..., T)} has shape {@code (n, ..., 2)}, scipy's layout for {@code axis=-1}: a 1-d
 * signal's state is {@code n x 2}. Inputs are never modified.
 */
public final class Sos {
    private static final int MIN_PARALLEL = 65_536;

    private Sos() {
    }

    /** scipy.signal.sosfilt(sos, x) along the last axis, on one thread. */
    public static DoubleNd sosfilt(double[][] sos, DoubleNd x) {
        return sosfilt(sos, x, ConvContext.defaults());
    }

    /** scipy.signal.sosfilt(sos, x) along the last axis, rows on {@code ctx.threads()} threads. */
    public static DoubleNd sosfilt(double[][] sos, DoubleNd x, ConvContext ctx) {
        double[] c = pack(sos);
        TimeRows.requireSignal("sosfilt", x);
        return run(c, x, null, ctx).y();
    }

    /** scipy.signal.sosfilt(sos, x, zi=zi), on one thread: the output and the final state. */
    public static FilterResult sosfilt(double[][] sos, DoubleNd x, DoubleNd zi) {
        return sosfilt(sos, x, zi, ConvContext.defaults());
    }

    /**
     * scipy.signal.sosfilt(sos, x, zi=zi) along the last axis: {@code zi} has shape
     * {@code (n_sections, ..., 2)} ({@code x}'s shape with the last axis replaced by 2 and the section
     * count prepended); the result's {@code zf} has the same shape.
     */
    public static FilterResult sosfilt(double[][] sos, DoubleNd x, DoubleNd zi, ConvContext ctx) {
        double[] c = pack(sos);
        TimeRows.requireSignal("sosfilt", x);
        Shape expected = TimeRows.stateShape(x.shape(), sos.length, 2);
        if (zi == null || !zi.shape().equals(expected)) {
            throw new IllegalArgumentException("sosfilt: zi must have shape (" + expected + ") for a signal of shape ("
                    + x.shape() + ") and " + sos.length + " sections, got " + (zi == null ? "null" : "(" + zi.shape() + ")"));
        }
        return run(c, x, zi, ctx);
    }

    /**
     * scipy.signal.sosfilt_zi(sos): the {@code n x 2} state for which a constant 1 input gives the
     * step response's steady state at once (pass it, scaled, as {@code zi} of a 1-d signal); section
     * {@code s}'s state is {@link Lfilter#lfilterZi} of that section scaled by the DC gain
     * {@code sum(b)/sum(a)} of the sections before it.
     */
    public static DoubleNd sosfiltZi(double[][] sos) {
        pack(sos);
        double[] zi = new double[2 * sos.length];
        double scale = 1.0;
        for (int s = 0; s < sos.length; s++) {
            double[] b = Arrays.copyOfRange(sos[s], 0, 3);
            double[] a = Arrays.copyOfRange(sos[s], 3, 6);
            double[] z = Lfilter.lfilterZi(b, a);
            zi[2 * s] = scale * z[0];
            zi[2 * s + 1] = scale * z[1];
            scale *= (b[0] + b[1] + b[2]) / (a[0] + a[1] + a[2]);
        }
        return DoubleNd.of(Shape.of(sos.length, 2), zi);
    }

    /** scipy.signal.sosfiltfilt(sos, x) along the last axis, on one thread. */
    public static DoubleNd sosfiltfilt(double[][] sos, DoubleNd x) {
        return sosfiltfilt(sos, x, ConvContext.defaults());
    }

    /**
     * scipy.signal.sosfiltfilt(sos, x) with its defaults: odd extension by
     * {@code padlen = 3 * (2 n + 1 - min(#(b2 == 0), #(a2 == 0)))} samples, a forward pass from
     * {@code sosfilt_zi * ext[0]}, a backward pass from {@code sosfilt_zi * y[last]}, padding cut off.
     *
     * @throws IllegalArgumentException when the last axis has no more than {@code padlen} samples
     */
    public static DoubleNd sosfiltfilt(double[][] sos, DoubleNd x, ConvContext ctx) {
        double[] c = pack(sos);
        TimeRows.requireSignal("sosfiltfilt", x);
        int n = TimeRows.length(x);
        int edge = 3 * padTaps(sos);
        TimeRows.requireLongerThanPad("sosfiltfilt", n, edge);
        double[] zi = sosfiltZi(sos).data();
        int rows = TimeRows.rows(x);
        double[] xs = x.data();
        int xo = x.offset();
        double[] y = new double[x.shape().size()];
        int threads = (long) rows * n < MIN_PARALLEL ? 1 : ctx.threads();
        Parallel.forRange(rows, threads, (lo, hi) -> {
            double[] ext = new double[n + 2 * edge];
            double[] z = new double[zi.length];
            for (int r = lo; r < hi; r++) {
                TimeRows.oddExtend(xs, xo + r * n, n, edge, ext);
                scale(zi, ext[0], z);
                BiquadCascade.run(c, z, ext, 0, ext.length);
                scale(zi, ext[ext.length - 1], z);
                TimeRows.reverse(ext, 0, ext.length);
                BiquadCascade.run(c, z, ext, 0, ext.length);
                TimeRows.copyReversed(ext, edge, n, y, r * n);
            }
        });
        return DoubleNd.of(x.shape(), y);
    }

    /** scipy's {@code ntaps} for sosfiltfilt's default padding: {@code 2 n + 1} less the trivial second orders. */
    static int padTaps(double[][] sos) {
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (double[] row : sos) {
            zeroB2 += row[2] == 0 ? 1 : 0;
            zeroA2 += row[5] == 0 ? 1 : 0;
        }
        return 2 * sos.length + 1 - Math.min(zeroB2, zeroA2);
    }

    private static FilterResult run(double[] c, DoubleNd x, DoubleNd zi, ConvContext ctx) {
        int sections = c.length / 5;
        int n = TimeRows.length(x);
        int rows = TimeRows.rows(x);
        double[] xs = x.data();
        int xo = x.offset();
        double[] y = new double[x.shape().size()];
        // Internal state is per row (row r's sections at [r * 2n, (r + 1) * 2n)); zi is (n, rows, 2).
        double[] state = new double[rows * 2 * sections];
        if (zi != null) {
            double[] zs = zi.toArray();
            for (int s = 0; s < sections; s++) {
                for (int r = 0; r < rows; r++) {
                    state[(r * sections + s) * 2] = zs[(s * rows + r) * 2];
                    state[(r * sections + s) * 2 + 1] = zs[(s * rows + r) * 2 + 1];
                }
            }
        }
        int threads = (long) rows * n < MIN_PARALLEL ? 1 : ctx.threads();
        Parallel.forRange(rows, threads, (lo, hi) -> {
            double[] z = new double[2 * sections];
            for (int r = lo; r < hi; r++) {
                System.arraycopy(state, r * z.length, z, 0, z.length);
                BiquadCascade.run(c, z, xs, xo + r * n, y, r * n, n);
                System.arraycopy(z, 0, state, r * z.length, z.length);
            }
        });
        double[] zf = new double[state.length];
        for (int s = 0; s < sections; s++) {
            for (int r = 0; r < rows; r++) {
                zf[(s * rows + r) * 2] = state[(r * sections + s) * 2];
                zf[(s * rows + r) * 2 + 1] = state[(r * sections + s) * 2 + 1];
            }
        }
        return new FilterResult(DoubleNd.of(x.shape(), y), DoubleNd.of(TimeRows.stateShape(x.shape(), sections, 2), zf));
    }

    /** Validates {@code sos} (n x 6, n >= 1, a0 == 1) and packs it for {@link BiquadCascade}. */
    static double[] pack(double[][] sos) {
        if (sos == null || sos.length == 0) {
            throw new IllegalArgumentException("sos must have at least one section (shape n x 6), got "
                    + (sos == null ? "null" : "0 sections"));
        }
        double[] c = new double[5 * sos.length];
        for (int s = 0; s < sos.length; s++) {
            double[] row = sos[s];
            if (row == null || row.length != 6) {
                throw new IllegalArgumentException("sos must have shape (n_sections, 6), but section " + s + " has "
                        + (row == null ? "no row" : row.length + " values"));
            }
            if (row[3] != 1.0) {
                throw new IllegalArgumentException("sos[:, 3] should be all ones (each section normalised so a0 == 1), but section "
                        + s + " has a0 = " + row[3]);
            }
            c[5 * s] = row[0];
            c[5 * s + 1] = row[1];
            c[5 * s + 2] = row[2];
            c[5 * s + 3] = -row[4];
            c[5 * s + 4] = -row[5];
        }
        return c;
    }

    private static void scale(double[] zi, double s, double[] z) {
        for (int i = 0; i < zi.length; i++) {
            z[i] = zi[i] * s;
        }
    }
}
