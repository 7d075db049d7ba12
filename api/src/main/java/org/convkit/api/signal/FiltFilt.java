package org.convkit.api.signal;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.parallel.Parallel;

/**
 * Zero-phase filtering as scipy.signal.filtfilt(b, a, x) with its defaults ({@code padtype='odd'},
 * {@code padlen = 3 * max(len a, len b)}, {@code method='pad'}): each row is extended at both ends by
 * the odd extension of {@code padlen} samples, filtered forward by {@link Lfilter} from the state
 * {@code lfilter_zi * ext[0]}, filtered backward from {@code lfilter_zi * y[last]}, and the padding is
 * cut off again. Arrays of any rank are filtered along their last axis; rows run on
 * {@code ctx.threads()} threads with results independent of the thread count.
 */
public final class FiltFilt {

    private FiltFilt() {
    }

    /** scipy.signal.filtfilt(b, a, x) along the last axis, on one thread. */
    public static DoubleNd filtfilt(double[] b, double[] a, DoubleNd x) {
        return filtfilt(b, a, x, ConvContext.defaults());
    }

    /**
     * scipy.signal.filtfilt(b, a, x) along the last axis, rows on {@code ctx.threads()} threads.
     *
     * @throws IllegalArgumentException when the last axis has no more than {@code padlen} samples, or
     *         for the coefficient errors of {@link Lfilter#lfilter} and {@link Lfilter#lfilterZi}
     */
    public static DoubleNd filtfilt(double[] b, double[] a, DoubleNd x, ConvContext ctx) {
        Lfilter.Coefficients c = Lfilter.Coefficients.of(b, a);
        TimeRows.requireSignal("filtfilt", x);
        int n = TimeRows.length(x);
        int edge = 3 * Math.max(a.length, b.length);
        TimeRows.requireLongerThanPad("filtfilt", n, edge);
        double[] zi = Lfilter.lfilterZi(b, a);
        int m = c.order();
        int rows = TimeRows.rows(x);
        double[] xs = x.data();
        int xo = x.offset();
        double[] y = new double[x.shape().size()];
        int threads = (long) rows * n < 65_536 ? 1 : ctx.threads();
        Parallel.forRange(rows, threads, (lo, hi) -> {
            double[] ext = new double[n + 2 * edge];
            double[] z = new double[m];
            for (int r = lo; r < hi; r++) {
                TimeRows.oddExtend(xs, xo + r * n, n, edge, ext);
                scale(zi, ext[0], z);
                Lfilter.filterRow(c.b(), c.a(), ext, 0, ext, 0, ext.length, z);
                scale(zi, ext[ext.length - 1], z);
                TimeRows.reverse(ext, 0, ext.length);
                Lfilter.filterRow(c.b(), c.a(), ext, 0, ext, 0, ext.length, z);
                TimeRows.copyReversed(ext, edge, n, y, r * n);
            }
        });
        return DoubleNd.of(x.shape(), y);
    }

    private static void scale(double[] zi, double s, double[] z) {
        for (int i = 0; i < zi.length; i++) {
            z[i] = zi[i] * s;
        }
    }
}
