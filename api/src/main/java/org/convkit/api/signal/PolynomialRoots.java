package org.convkit.api.signal;

import java.util.Arrays;
import org.apache.commons.math3.complex.Complex;

/**
 * Polynomial roots as numpy.roots computes them: leading and trailing zero coefficients are
 * stripped (each trailing zero is a root at 0, appended last), and the rest are the eigenvalues of
 * the companion matrix whose first row is {@code -p[1:] / p[0]}, found with LAPACK's {@code dgeev}
 * path ({@link HessenbergEigen}), in LAPACK's order.
 */
final class PolynomialRoots {

    private PolynomialRoots() {
    }

    /** The roots of {@code p[0] x^(n-1) + ... + p[n-1]}; empty for a constant or all-zero polynomial. */
    static Complex[] of(double[] p) {
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("polynomial coefficients must be finite: " + Arrays.toString(p));
            }
        }
        int first = 0;
        while (first < p.length && p[first] == 0) {
            first++;
        }
        if (first == p.length) {
            return new Complex[0];
        }
        int last = p.length - 1;
        while (p[last] == 0) {
            last--;
        }
        int trailingZeros = p.length - 1 - last;
        int n = last - first;
        Complex[] roots = new Complex[n + trailingZeros];
        if (n > 0) {
            double[][] a = new double[n + 1][n + 1];
            for (int j = 1; j <= n; j++) {
                a[1][j] = -p[first + j] / p[first];
            }
            for (int i = 2; i <= n; i++) {
                a[i][i - 1] = 1;
            }
            double[][] w = HessenbergEigen.eigenvalues(a, n);
            for (int i = 0; i < n; i++) {
                roots[i] = new Complex(w[0][i], w[1][i]);
            }
        }
        for (int i = n; i < roots.length; i++) {
            roots[i] = Complex.ZERO;
        }
        return roots;
    }
}
