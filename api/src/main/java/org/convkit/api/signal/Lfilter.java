package org.convkit.api.signal;

import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * The linear constant-coefficient difference equation {@code sum_k a[k] y[n-k] = sum_k b[k] x[n-k]},
 * as scipy.signal.lfilter computes it: {@code b} and {@code a} are padded with zeros to the same
 * length {@code L} and divided by {@code a[0]}, then each sample runs the direct form II transposed
 * recursion with {@code L - 1} state values {@code z}:
 * <pre>
 *   y[n]   = z[0] + b[0] x[n]
 *   z[j]   = z[j + 1] + x[n] b[j + 1] - y[n] a[j + 1]     (j &lt; L - 2)
 *   z[L-2] = x[n] b[L - 1] - y[n] a[L - 1]
 * </pre>
 * in that operation order, so a signal filtered in chunks, each chunk starting from the previous
 * chunk's final state, gives bit for bit the result of filtering it whole. For IIR filters this is
 * scipy's own C loop, so results equal scipy's bit for bit; for FIR filters ({@code a} of length 1)
 * scipy calls numpy.convolve instead, which agrees to rounding.
 *
 * <p>Arrays of any rank are filtered along their last (time) axis, each row independently; rows
 * are split over {@code ctx.threads()} threads and the result does not depend on the thread count.
 * The state {@code zi}/{@code zf} of a signal of shape {@code (..., T)} has shape {@code (..., L - 1)}
 * (scipy's layout for {@code axis=-1}). Inputs are never modified.
 */
public final class Lfilter {

    private Lfilter() {
    }

    /** scipy.signal.lfilter(b, a, x) along the last axis, on one thread. */
    public static DoubleNd lfilter(double[] b, double[] a, DoubleNd x) {
        return lfilter(b, a, x, ConvContext.defaults());
    }

    /** scipy.signal.lfilter(b, a, x) along the last axis, rows on {@code ctx.threads()} threads. */
    public static DoubleNd lfilter(double[] b, double[] a, DoubleNd x, ConvContext ctx) {
        Coefficients c = Coefficients.of(b, a);
        TimeRows.requireSignal("lfilter", x);
        return run(c, x, null, ctx).y();
    }

    /** scipy.signal.lfilter(b, a, x, zi=zi): the output and the final state, on one thread. */
    public static FilterResult lfilter(double[] b, double[] a, DoubleNd x, DoubleNd zi) {
        return lfilter(b, a, x, zi, ConvContext.defaults());
    }

    /**
     * scipy.signal.lfilter(b, a, x, zi=zi) along the last axis: {@code zi} has {@code x}'s shape with
     * the last axis replaced by {@code max(len a, len b) - 1}; the result holds {@code y} and {@code zf}.
     */
    public static FilterResult lfilter(double[] b, double[] a, DoubleNd x, DoubleNd zi, ConvContext ctx) {
        Coefficients c = Coefficients.of(b, a);
        TimeRows.requireSignal("lfilter", x);
        Shape expected = TimeRows.withLast(x.shape(), c.order());
        if (zi == null || !zi.shape().equals(expected)) {
            throw new IllegalArgumentException("lfilter: zi must have shape (" + expected + ") for a signal of shape ("
                    + x.shape() + ") and " + c.order() + " state values, got " + (zi == null ? "null" : "(" + zi.shape() + ")"));
        }
        return run(c, x, zi, ctx);
    }

    /**
     * scipy.signal.lfilter_zi(b, a): the state {@code zi} (length {@code max(len a, len b) - 1}) for
     * which filtering a constant 1 from {@code zi} outputs the step response's steady state from the
     * first sample on. Like scipy, leading zeros of {@code a} are dropped and {@code zi} solves
     * {@code (I - companion(a)^T) zi = b[1:] - a[1:] b[0]}, here by LU with partial pivoting in
     * LAPACK's dgetf2 order (scipy calls numpy.linalg.solve): for the ill-conditioned systems of
     * high-order designs this order, not just the mathematics, decides the low digits.
     *
     * @throws IllegalArgumentException when all of {@code a} is zero or {@code sum(a) == 0} (a pole at
     *         z = 1, so a step has no steady state)
     */
    public static double[] lfilterZi(double[] b, double[] a) {
        requireCoefficients(b, a);
        int lead = 0;
        while (lead < a.length - 1 && a[lead] == 0.0) {
            lead++;
        }
        if (a[lead] == 0.0) {
            throw new IllegalArgumentException("lfilter_zi: there must be at least one nonzero a coefficient, got a = "
                    + Arrays.toString(a));
        }
        Coefficients c = Coefficients.of(b, Arrays.copyOfRange(a, lead, a.length));
        int m = c.order();
        double[] bn = c.b();
        double[] an = c.a();
        double[][] iMinusA = new double[m][m];
        double[] rhs = new double[m];
        for (int j = 0; j < m; j++) {
            iMinusA[j][j] = 1;
            iMinusA[j][0] += an[j + 1];
            if (j + 1 < m) {
                iMinusA[j][j + 1] -= 1;
            }
            rhs[j] = bn[j + 1] - an[j + 1] * bn[0];
        }
        if (!luSolve(iMinusA, rhs)) {
            throw new IllegalArgumentException("lfilter_zi: sum(a) is 0 (a pole at z = 1), so a step has no steady state; a = "
                    + Arrays.toString(a));
        }
        return rhs;
    }

    /**
     * Solves {@code m x = rhs} in place ({@code rhs} becomes {@code x}) by right-looking LU with partial
     * pivoting, scaling each column by the pivot's reciprocal (as dgetf2), then the two triangular
     * solves column by column (as dtrsm). Returns false when a pivot is exactly zero.
     */
    private static boolean luSolve(double[][] m, double[] rhs) {
        int n = rhs.length;
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) {
                if (Math.abs(m[i][j]) > Math.abs(m[p][j])) {
                    p = i;
                }
            }
            if (m[p][j] == 0.0) {
                return false;
            }
            double[] row = m[p];
            m[p] = m[j];
            m[j] = row;
            double t = rhs[p];
            rhs[p] = rhs[j];
            rhs[j] = t;
            double r = 1.0 / m[j][j];
            for (int i = j + 1; i < n; i++) {
                m[i][j] *= r;
            }
            for (int i = j + 1; i < n; i++) {
                for (int k = j + 1; k < n; k++) {
                    m[i][k] -= m[i][j] * m[j][k];
                }
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                rhs[i] -= rhs[k] * m[i][k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            rhs[k] /= m[k][k];
            for (int i = 0; i < k; i++) {
                rhs[i] -= rhs[k] * m[i][k];
            }
        }
        return true;
    }

    private static FilterResult run(Coefficients c, DoubleNd x, DoubleNd zi, ConvContext ctx) {
        int n = TimeRows.length(x);
        int rows = TimeRows.rows(x);
        int m = c.order();
        double[] xs = x.data();
        int xo = x.offset();
        double[] y = new double[x.shape().size()];
        double[] zf = zi == null ? new double[rows * m] : zi.toArray();
        int threads = (long) rows * n < 65_536 ? 1 : ctx.threads();
        Parallel.forRange(rows, threads, (lo, hi) -> {
            double[] z = new double[m];
            for (int r = lo; r < hi; r++) {
                System.arraycopy(zf, r * m, z, 0, m);
                filterRow(c.b(), c.a(), xs, xo + r * n, y, r * n, n, z);
                System.arraycopy(z, 0, zf, r * m, m);
            }
        });
        return new FilterResult(DoubleNd.of(x.shape(), y), DoubleNd.of(TimeRows.withLast(x.shape(), m), zf));
    }

    /**
     * The DF2T recursion over {@code x[xo .. xo + n)} into {@code y[yo ..)} ({@code y} may be {@code x}
     * at the same offset), with normalised, equal-length {@code b} and {@code a}; {@code z} (length
     * {@code L - 1}) holds the initial state on entry and the final state on return.
     */
    static void filterRow(double[] b, double[] a, double[] x, int xo, double[] y, int yo, int n, double[] z) {
        int len = b.length;
        if (len == 1) {
            double b0 = b[0];
            for (int k = 0; k < n; k++) {
                y[yo + k] = x[xo + k] * b0;
            }
            return;
        }
        if (len == 2) {
            double b0 = b[0];
            double b1 = b[1];
            double a1 = a[1];
            double z0 = z[0];
            for (int k = 0; k < n; k++) {
                double xn = x[xo + k];
                double yn = z0 + b0 * xn;
                z0 = xn * b1 - yn * a1;
                y[yo + k] = yn;
            }
            z[0] = z0;
            return;
        }
        int last = len - 1;
        for (int k = 0; k < n; k++) {
            double xn = x[xo + k];
            double yn = z[0] + b[0] * xn;
            for (int j = 0; j < last - 1; j++) {
                z[j] = z[j + 1] + xn * b[j + 1] - yn * a[j + 1];
            }
            z[last - 1] = xn * b[last] - yn * a[last];
            y[yo + k] = yn;
        }
    }

    static void requireCoefficients(double[] b, double[] a) {
        if (b == null || a == null || b.length == 0 || a.length == 0) {
            throw new IllegalArgumentException("filter coefficients b and a must be non-empty, got b = "
                    + Arrays.toString(b) + ", a = " + Arrays.toString(a));
        }
    }

    /** {@code b} and {@code a} zero-padded to one length and divided by {@code a[0]}, as scipy does. */
    record Coefficients(double[] b, double[] a) {

        static Coefficients of(double[] b, double[] a) {
            requireCoefficients(b, a);
            if (a[0] == 0.0) {
                throw new IllegalArgumentException("filter coefficient a[0] must be nonzero (it normalises the filter), got a[0] = "
                        + a[0] + " in a = " + Arrays.toString(a));
            }
            int len = Math.max(a.length, b.length);
            double[] bn = Arrays.copyOf(b, len);
            double[] an = Arrays.copyOf(a, len);
            double a0 = a[0];
            for (int i = 0; i < len; i++) {
                bn[i] /= a0;
                an[i] /= a0;
            }
            return new Coefficients(bn, an);
        }

        /** Number of state values: {@code max(len a, len b) - 1}. */
        int order() {
            return b.length - 1;
        }
    }
}
