package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HessenbergEigenTest {

    /** A 1-based copy of a 0-based square matrix. */
    private static double[][] oneBased(double[][] m) {
        double[][] h = new double[m.length + 1][m.length + 1];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, h[i + 1], 1, m.length);
        }
        return h;
    }

    @Test
    void triangularMatrixIsSolvedByBalancingPermutationsAlone() {
        double[][] w = HessenbergEigen.eigenvalues(oneBased(new double[][] {{2, 1, 5}, {0, 3, 1}, {0, 0, 4}}), 3);
        double[] re = w[0].clone();
        Arrays.sort(re);
        assertArrayEquals(new double[] {2, 3, 4}, re, 1e-15);
        assertArrayEquals(new double[3], w[1]);
    }

    @Test
    void rotationBlockGivesAConjugatePair() {
        double[][] w = HessenbergEigen.eigenvalues(oneBased(new double[][] {{0, -2}, {2, 0}}), 2);
        assertEquals(0, w[0][0], 1e-15);
        assertEquals(2, Math.abs(w[1][0]), 1e-15);
        assertEquals(-w[1][0], w[1][1]);
    }

    @Test
    void companionMatrixEigenvaluesAreThePolynomialRoots() {
        // x^4 - 10x^3 + 35x^2 - 50x + 24 = (x-1)(x-2)(x-3)(x-4)
        double[][] c = {{10, -35, 50, -24}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
        double[][] w = HessenbergEigen.eigenvalues(oneBased(c), 4);
        double[] re = w[0].clone();
        Arrays.sort(re);
        assertArrayEquals(new double[] {1, 2, 3, 4}, re, 1e-12);
    }
}
