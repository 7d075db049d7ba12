package org.convkit.api.signal;

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
    static final double ULP = Math.ulp(1.0);                // dlamch('P')
    static final double SAFMIN = Double.MIN_NORMAL;         // dlamch('S')
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
        int[] lohi = LapackBalance.balance(h, n);
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
                double[] r = LapackKernels.dlanv2(h[i - 1][i - 1], h[i - 1][i], h[i][i - 1], h[i][i]);
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
            double t1 = LapackKernels.dlarfg(nr, v);
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

}
