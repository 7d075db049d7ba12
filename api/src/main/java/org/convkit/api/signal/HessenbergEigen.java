package org.convkit.api.signal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Eigenvalues of a real upper Hessenberg matrix, following LAPACK's {@code dgeev} path for small
 * matrices step by step: {@code dgebal} balancing (permutation and power-of-two scaling), then the
 * double-shift QR iteration of {@code dlahqr} with {@code dlanv2} for the 2 x 2 blocks. numpy.roots
 * computes a polynomial's roots as the eigenvalues of its companion matrix with exactly this path,
 * and a multiple root (the zeros of a Butterworth band filter) is so ill-conditioned that any other
 * eigenvalue algorithm scatters the cluster differently; following LAPACK's operation order keeps
 * the results bit-identical to numpy's (numpy 1.24 on OpenBLAS 0.3.21, whose LAPACK is 3.10: an
 * exceptional shift every {@value #KEXSH} iterations without deflation). The 2-norms of {@code dlarfg} are evaluated as OpenBLAS's
 * x86-64 kernel does, in 64-bit-mantissa extended precision.
 *
 * <p>Arrays are 1-based ({@code h[1..n][1..n]}) to keep the correspondence with the Fortran
 * obvious. The matrix is overwritten.
 */
final class HessenbergEigen {
    private static final double ULP = Math.ulp(1.0);                // dlamch('P')
    private static final double SAFMIN = Double.MIN_NORMAL;         // dlamch('S')
    private static final double DAT1 = 0.75;
    private static final double DAT2 = -0.4375;
    /** Iterations without deflation between exceptional shifts: 10 in LAPACK 3.10 (OpenBLAS 0.3.21). */
    private static final int KEXSH = 10;

    private HessenbergEigen() {
    }

    /**
     * The eigenvalues of the 1-based upper Hessenberg {@code h} of order {@code n}, as
     * {@code {wr, wi}} (0-based, LAPACK's order).
     *
     * @throws ArithmeticException when the QR iteration does not converge
     */
    static double[][] eigenvalues(double[][] h, int n) {
        double[] wr = new double[n + 1];
        double[] wi = new double[n + 1];
        int[] lohi = balance(h, n);
        int ilo = lohi[0];
        int ihi = lohi[1];
        for (int i = 1; i < ilo; i++) {
            wr[i] = h[i][i];
        }
        for (int i = ihi + 1; i <= n; i++) {
            wr[i] = h[i][i];
        }
        if (ilo == ihi) {
            wr[ilo] = h[ilo][ilo];
        } else if (n > 0) {
            int info = dlahqr(h, ilo, ihi, wr, wi);
            if (info > 0) {
                throw new ArithmeticException("QR iteration did not converge for eigenvalue " + info + " of " + n);
            }
        }
        double[][] w = new double[2][n];
        System.arraycopy(wr, 1, w[0], 0, n);
        System.arraycopy(wi, 1, w[1], 0, n);
        return w;
    }

    /** dgebal('B'): returns {ilo, ihi}; the scale factors themselves are not needed here. */
    static int[] balance(double[][] a, int n) {
        int k = 1;
        int l = n;
        if (n == 0) {
            return new int[] {1, 0};
        }
        rows:
        while (true) {
            for (int j = l; j >= 1; j--) {
                boolean isolated = true;
                for (int i = 1; i <= l && isolated; i++) {
                    isolated = i == j || a[j][i] == 0;
                }
                if (isolated) {
                    exchange(a, n, j, l, k, l);
                    if (l == 1) {
                        return new int[] {k, l};
                    }
                    l--;
                    continue rows;
                }
            }
            break;
        }
        columns:
        while (true) {
            for (int j = k; j <= l; j++) {
                boolean isolated = true;
                for (int i = k; i <= l && isolated; i++) {
                    isolated = i == j || a[i][j] == 0;
                }
                if (isolated) {
                    exchange(a, n, j, k, k, l);
                    k++;
                    continue columns;
                }
            }
            break;
        }
        scale(a, n, k, l);
        return new int[] {k, l};
    }

    private static void exchange(double[][] a, int n, int j, int m, int k, int l) {
        if (j == m) {
            return;
        }
        for (int i = 1; i <= l; i++) {
            double t = a[i][j];
            a[i][j] = a[i][m];
            a[i][m] = t;
        }
        for (int i = k; i <= n; i++) {
            double t = a[j][i];
            a[j][i] = a[m][i];
            a[m][i] = t;
        }
    }

    /** The iterative power-of-two scaling of dgebal (LAPACK 3.5 to 3.11, 2-norms). */
    private static void scale(double[][] a, int n, int k, int l) {
        final double sclfac = 2.0;
        final double factor = 0.95;
        double sfmin1 = SAFMIN / ULP;
        double sfmax1 = 1 / sfmin1;
        double sfmin2 = sfmin1 * sclfac;
        double sfmax2 = 1 / sfmin2;
        double[] scale = new double[n + 1];
        java.util.Arrays.fill(scale, 1.0);
        boolean noconv = true;
        while (noconv) {
            noconv = false;
            for (int i = k; i <= l; i++) {
                double c = 0;
                double r = 0;
                for (int t = k; t <= l; t++) {
                    c += a[t][i] * a[t][i];
                    r += a[i][t] * a[i][t];
                }
                c = Math.sqrt(c);
                r = Math.sqrt(r);
                double ca = 0;
                for (int t = 1; t <= l; t++) {
                    ca = Math.max(ca, Math.abs(a[t][i]));
                }
                double ra = 0;
                for (int t = k; t <= n; t++) {
                    ra = Math.max(ra, Math.abs(a[i][t]));
                }
                if (c == 0 || r == 0) {
                    continue;
                }
                if (Double.isNaN(c + ca + r + ra)) {
                    throw new ArithmeticException("NaN in the matrix being balanced");
                }
                double g = r / sclfac;
                double f = 1;
                double s = c + r;
                while (!(c >= g || Math.max(f, Math.max(c, ca)) >= sfmax2 || Math.min(r, Math.min(g, ra)) <= sfmin2)) {
                    f *= sclfac;
                    c *= sclfac;
                    ca *= sclfac;
                    r /= sclfac;
                    g /= sclfac;
                    ra /= sclfac;
                }
                g = c / sclfac;
                while (!(g < r || Math.max(r, ra) >= sfmax2
                        || Math.min(Math.min(f, c), Math.min(g, ca)) <= sfmin2)) {
                    f /= sclfac;
                    c /= sclfac;
                    g /= sclfac;
                    ca /= sclfac;
                    r *= sclfac;
                    ra *= sclfac;
                }
                if (c + r >= factor * s) {
                    continue;
                }
                if (f < 1 && scale[i] < 1 && f * scale[i] <= sfmin1) {
                    continue;
                }
                if (f > 1 && scale[i] > 1 && scale[i] >= sfmax1 / f) {
                    continue;
                }
                g = 1 / f;
                scale[i] *= f;
                noconv = true;
                for (int t = k; t <= n; t++) {
                    a[i][t] *= g;
                }
                for (int t = 1; t <= l; t++) {
                    a[t][i] *= f;
                }
            }
        }
    }

    /** dlahqr with wantt = wantz = false; returns info (0 on success). */
    private static int dlahqr(double[][] h, int ilo, int ihi, double[] wr, double[] wi) {
        for (int j = ilo; j <= ihi - 3; j++) {
            h[j + 2][j] = 0;
            h[j + 3][j] = 0;
        }
        if (ilo <= ihi - 2) {
            h[ihi][ihi - 2] = 0;
        }
        int nh = ihi - ilo + 1;
        double smlnum = SAFMIN * (nh / ULP);
        int itmax = 30 * Math.max(10, nh);
        int kdefl = 0;
        double[] v = new double[4];
        int i = ihi;
        while (i >= ilo) {
            int l = ilo;
            boolean split = false;
            for (int its = 0; its <= itmax; its++) {
                int k;
                for (k = i; k >= l + 1; k--) {
                    if (Math.abs(h[k][k - 1]) <= smlnum) {
                        break;
                    }
                    double tst = Math.abs(h[k - 1][k - 1]) + Math.abs(h[k][k]);
                    if (tst == 0) {
                        if (k - 2 >= ilo) {
                            tst = tst + Math.abs(h[k - 1][k - 2]);
                        }
                        if (k + 1 <= ihi) {
                            tst = tst + Math.abs(h[k + 1][k]);
                        }
                    }
                    if (Math.abs(h[k][k - 1]) <= ULP * tst) {
                        double ab = Math.max(Math.abs(h[k][k - 1]), Math.abs(h[k - 1][k]));
                        double ba = Math.min(Math.abs(h[k][k - 1]), Math.abs(h[k - 1][k]));
                        double aa = Math.max(Math.abs(h[k][k]), Math.abs(h[k - 1][k - 1] - h[k][k]));
                        double bb = Math.min(Math.abs(h[k][k]), Math.abs(h[k - 1][k - 1] - h[k][k]));
                        double s = aa + ab;
                        if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) {
                            break;
                        }
                    }
                }
                l = k;
                if (l > ilo) {
                    h[l][l - 1] = 0;
                }
                if (l >= i - 1) {
                    split = true;
                    break;
                }
                kdefl++;
                int i1 = l;
                int i2 = i;
                double h11;
                double h12;
                double h21;
                double h22;
                if (kdefl % (2 * KEXSH) == 0) {
                    double s = Math.abs(h[i][i - 1]) + Math.abs(h[i - 1][i - 2]);
                    h11 = DAT1 * s + h[i][i];
                    h12 = DAT2 * s;
                    h21 = s;
                    h22 = h11;
                } else if (kdefl % KEXSH == 0) {
                    double s = Math.abs(h[l + 1][l]) + Math.abs(h[l + 2][l + 1]);
                    h11 = DAT1 * s + h[l][l];
                    h12 = DAT2 * s;
                    h21 = s;
                    h22 = h11;
                } else {
                    h11 = h[i - 1][i - 1];
                    h21 = h[i][i - 1];
                    h12 = h[i - 1][i];
                    h22 = h[i][i];
                }
                double s = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
                double rt1r;
                double rt1i;
                double rt2r;
                double rt2i;
                if (s == 0) {
                    rt1r = 0;
                    rt1i = 0;
                    rt2r = 0;
                    rt2i = 0;
                } else {
                    h11 = h11 / s;
                    h21 = h21 / s;
                    h12 = h12 / s;
                    h22 = h22 / s;
                    double tr = (h11 + h22) / 2;
                    double det = (h11 - tr) * (h22 - tr) - h12 * h21;
                    double rtdisc = Math.sqrt(Math.abs(det));
                    if (det >= 0) {
                        rt1r = tr * s;
                        rt2r = rt1r;
                        rt1i = rtdisc * s;
                        rt2i = -rt1i;
                    } else {
                        rt1r = tr + rtdisc;
                        rt2r = tr - rtdisc;
                        if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
                            rt1r = rt1r * s;
                            rt2r = rt1r;
                        } else {
                            rt2r = rt2r * s;
                            rt1r = rt2r;
                        }
                        rt1i = 0;
                        rt2i = 0;
                    }
                }
                int m;
                for (m = i - 2; m >= l; m--) {
                    double h21s = h[m + 1][m];
                    s = Math.abs(h[m][m] - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
                    h21s = h[m + 1][m] / s;
                    v[1] = h21s * h[m][m + 1] + (h[m][m] - rt1r) * ((h[m][m] - rt2r) / s) - rt1i * (rt2i / s);
                    v[2] = h21s * (h[m][m] + h[m + 1][m + 1] - rt1r - rt2r);
                    v[3] = h21s * h[m + 2][m + 1];
                    s = Math.abs(v[1]) + Math.abs(v[2]) + Math.abs(v[3]);
                    v[1] = v[1] / s;
                    v[2] = v[2] / s;
                    v[3] = v[3] / s;
                    if (m == l) {
                        break;
                    }
                    if (Math.abs(h[m][m - 1]) * (Math.abs(v[2]) + Math.abs(v[3]))
                            <= ULP * Math.abs(v[1]) * (Math.abs(h[m - 1][m - 1]) + Math.abs(h[m][m])
                            + Math.abs(h[m + 1][m + 1]))) {
                        break;
                    }
                }
                qrSweep(h, m, i, l, i1, i2, v);
            }
            if (!split) {
                return i;
            }
            if (l == i) {
                wr[i] = h[i][i];
                wi[i] = 0;
            } else if (l == i - 1) {
                double[] r = dlanv2(h[i - 1][i - 1], h[i - 1][i], h[i][i - 1], h[i][i]);
                wr[i - 1] = r[0];
                wi[i - 1] = r[1];
                wr[i] = r[2];
                wi[i] = r[3];
            }
            kdefl = 0;
            i = l - 1;
        }
        return 0;
    }

    /** The double-shift QR sweep (loop 130 of dlahqr). */
    private static void qrSweep(double[][] h, int m, int i, int l, int i1, int i2, double[] v) {
        for (int k = m; k <= i - 1; k++) {
            int nr = Math.min(3, i - k + 1);
            if (k > m) {
                for (int t = 0; t < nr; t++) {
                    v[1 + t] = h[k + t][k - 1];
                }
            }
            double t1 = dlarfg(nr, v);
            if (k > m) {
                h[k][k - 1] = v[1];
                h[k + 1][k - 1] = 0;
                if (k < i - 1) {
                    h[k + 2][k - 1] = 0;
                }
            } else if (m > l) {
                h[k][k - 1] = h[k][k - 1] * (1 - t1);
            }
            double v2 = v[2];
            double t2 = t1 * v2;
            if (nr == 3) {
                double v3 = v[3];
                double t3 = t1 * v3;
                for (int j = k; j <= i2; j++) {
                    double sum = h[k][j] + v2 * h[k + 1][j] + v3 * h[k + 2][j];
                    h[k][j] = h[k][j] - sum * t1;
                    h[k + 1][j] = h[k + 1][j] - sum * t2;
                    h[k + 2][j] = h[k + 2][j] - sum * t3;
                }
                for (int j = i1; j <= Math.min(k + 3, i); j++) {
                    double sum = h[j][k] + v2 * h[j][k + 1] + v3 * h[j][k + 2];
                    h[j][k] = h[j][k] - sum * t1;
                    h[j][k + 1] = h[j][k + 1] - sum * t2;
                    h[j][k + 2] = h[j][k + 2] - sum * t3;
                }
            } else if (nr == 2) {
                for (int j = k; j <= i2; j++) {
                    double sum = h[k][j] + v2 * h[k + 1][j];
                    h[k][j] = h[k][j] - sum * t1;
                    h[k + 1][j] = h[k + 1][j] - sum * t2;
                }
                for (int j = i1; j <= i; j++) {
                    double sum = h[j][k] + v2 * h[j][k + 1];
                    h[j][k] = h[j][k] - sum * t1;
                    h[j][k + 1] = h[j][k + 1] - sum * t2;
                }
            }
        }
    }

    /** dlarfg on v[1] (alpha) and v[2..n] (x), in place; returns tau. */
    static double dlarfg(int n, double[] v) {
        if (n <= 1) {
            return 0;
        }
        double xnorm = n == 2 ? Math.abs(v[2]) : extendedNorm(v[2], v[3]);
        if (xnorm == 0) {
            return 0;
        }
        double alpha = v[1];
        double beta = -Math.copySign(dlapy2(alpha, xnorm), alpha);
        double safmin = SAFMIN / (ULP / 2);
        double rsafmn = 1 / safmin;
        int knt = 0;
        if (Math.abs(beta) < safmin) {
            do {
                knt++;
                for (int t = 2; t <= n; t++) {
                    v[t] *= rsafmn;
                }
                beta *= rsafmn;
                alpha *= rsafmn;
            } while (Math.abs(beta) < safmin && knt < 20);
            xnorm = n == 2 ? Math.abs(v[2]) : extendedNorm(v[2], v[3]);
            beta = -Math.copySign(dlapy2(alpha, xnorm), alpha);
        }
        double tau = (beta - alpha) / beta;
        double scal = 1 / (alpha - beta);
        for (int t = 2; t <= n; t++) {
            v[t] *= scal;
        }
        for (int j = 0; j < knt; j++) {
            beta *= safmin;
        }
        v[1] = beta;
        return tau;
    }

    static double dlapy2(double x, double y) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isNaN(y)) {
            return y;
        }
        double xa = Math.abs(x);
        double ya = Math.abs(y);
        double w = Math.max(xa, ya);
        double z = Math.min(xa, ya);
        if (z == 0 || w > Double.MAX_VALUE) {
            return w;
        }
        double q = z / w;
        return w * Math.sqrt(1 + q * q);
    }

    /**
     * sqrt(x^2 + y^2) as OpenBLAS's x87 dnrm2 kernel computes it: squares, sum and square root
     * each rounded to a 64-bit significand, the result then rounded to double.
     */
    static double extendedNorm(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Math.hypot(x, y);
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal by = new BigDecimal(y);
        BigDecimal sum = roundBits(roundBits(bx.multiply(bx)).add(roundBits(by.multiply(by))));
        if (sum.signum() == 0) {
            return 0;
        }
        BigDecimal root = roundBits(sum.sqrt(new MathContext(60, RoundingMode.HALF_EVEN)));
        return root.doubleValue();
    }

    /** {@code v} rounded to 64 significant bits, ties to even. */
    private static BigDecimal roundBits(BigDecimal v) {
        if (v.signum() == 0) {
            return v;
        }
        int exp = (int) Math.floor(Math.log(v.abs().doubleValue()) / Math.log(2));
        BigDecimal scaled = shift(v, 63 - exp);
        while (scaled.abs().compareTo(TWO_64) >= 0) {
            exp++;
            scaled = shift(v, 63 - exp);
        }
        while (scaled.abs().compareTo(TWO_63) < 0) {
            exp--;
            scaled = shift(v, 63 - exp);
        }
        BigDecimal integral = scaled.setScale(0, RoundingMode.HALF_EVEN);
        return shift(integral, exp - 63);
    }

    private static final BigDecimal TWO_63 = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(63));
    private static final BigDecimal TWO_64 = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64));
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private static BigDecimal shift(BigDecimal v, int bits) {
        return bits >= 0 ? v.multiply(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(bits)))
                : v.multiply(HALF.pow(-bits));
    }

    /** dlanv2 on [[a, b], [c, d]]: returns {rt1r, rt1i, rt2r, rt2i}. */
    static double[] dlanv2(double a, double b, double c, double d) {
        final double multpl = 4;
        double eps = ULP;
        if (c == 0) {
            // already upper triangular
            c = 0;
        } else if (b == 0) {
            double temp = d;
            d = a;
            a = temp;
            b = -c;
            c = 0;
        } else if (!((a - d) == 0 && Math.copySign(1, b) != Math.copySign(1, c))) {
            double temp = a - d;
            double p = 0.5 * temp;
            double bcmax = Math.max(Math.abs(b), Math.abs(c));
            double bcmis = Math.min(Math.abs(b), Math.abs(c)) * Math.copySign(1, b) * Math.copySign(1, c);
            double scale = Math.max(Math.abs(p), bcmax);
            double z = (p / scale) * p + (bcmax / scale) * bcmis;
            if (z >= multpl * eps) {
                z = p + Math.copySign(Math.sqrt(scale) * Math.sqrt(z), p);
                a = d + z;
                d = d - (bcmax / z) * bcmis;
                b = b - c;
                c = 0;
            } else {
                double sigma = b + c;
                double tau = dlapy2(sigma, temp);
                double cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
                double sn = -(p / (tau * cs)) * Math.copySign(1, sigma);
                double aa = a * cs + b * sn;
                double bb = -a * sn + b * cs;
                double cc = c * cs + d * sn;
                double dd = -c * sn + d * cs;
                a = aa * cs + cc * sn;
                b = bb * cs + dd * sn;
                c = -aa * sn + cc * cs;
                d = -bb * sn + dd * cs;
                temp = 0.5 * (a + d);
                a = temp;
                d = temp;
                if (c != 0) {
                    if (b != 0) {
                        if (Math.copySign(1, b) == Math.copySign(1, c)) {
                            double sab = Math.sqrt(Math.abs(b));
                            double sac = Math.sqrt(Math.abs(c));
                            p = Math.copySign(sab * sac, c);
                            a = temp + p;
                            d = temp - p;
                            b = b - c;
                            c = 0;
                        }
                    } else {
                        b = -c;
                        c = 0;
                    }
                }
            }
        }
        double rt1i = 0;
        if (c != 0) {
            rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
        }
        return new double[] {a, rt1i, d, -rt1i};
    }
}
