package org.convkit.api.signal;

import java.util.Arrays;

/**
 * LAPACK's {@code dgebal} with job 'B' (versions 3.5 to 3.11, with 2-norms): isolates eigenvalues
 * by permutation and scales rows and columns by powers of two, which is exact. Part of the numpy
 * eigenvalue path of {@link HessenbergEigen}; arrays are 1-based.
 */
final class LapackBalance {

    private LapackBalance() {
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
        double sfmin1 = HessenbergEigen.SAFMIN / HessenbergEigen.ULP;
        double sfmax1 = 1 / sfmin1;
        double sfmin2 = sfmin1 * sclfac;
        double sfmax2 = 1 / sfmin2;
        double[] scale = new double[n + 1];
        Arrays.fill(scale, 1.0);
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

}
