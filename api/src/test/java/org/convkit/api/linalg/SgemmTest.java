package org.convkit.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SgemmTest {

    /** One random problem: stored arrays with offsets and padded rows, and the double oracle. */
    private record Problem(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                           float[] b, int bOff, int ldb, float beta, float[] c0, int cOff, int ldc) {

        static Problem random(Random rnd, boolean transA, boolean transB, int m, int n, int k, float beta) {
            int lda = (transA ? m : k) + rnd.nextInt(3);
            int ldb = (transB ? k : n) + rnd.nextInt(3);
            int ldc = n + rnd.nextInt(3);
            int aOff = rnd.nextInt(4);
            int bOff = rnd.nextInt(4);
            int cOff = rnd.nextInt(4);
            float[] a = fill(rnd, aOff + (transA ? k : m) * lda + 3);
            float[] b = fill(rnd, bOff + (transB ? n : k) * ldb + 3);
            float[] c = fill(rnd, cOff + m * ldc + 3);
            return new Problem(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }

        float[] run(int threads, boolean plain) {
            float[] c = c0.clone();
            if (plain) {
                Sgemm.gemmPlain(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads);
            } else {
                Sgemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads);
            }
            return c;
        }

        /** Checks every element of the window against a double-precision sum, and nothing else moved. */
        void assertMatchesOracle(float[] c) {
            for (int x = 0; x < c.length; x++) {
                int r = x - cOff;
                boolean inside = r >= 0 && r / ldc < m && r % ldc < n;
                if (!inside) {
                    assertEquals(c0[x], c[x], 0f, "element " + x + " outside the C window changed");
                    continue;
                }
                int i = r / ldc;
                int j = r % ldc;
                double s = beta * (double) c0[x];
                double mag = Math.abs(s);
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                    mag += Math.abs(av * bv);
                }
                double tol = 2 * (k + 2) * Math.ulp(1f) * mag + 1e-30;
                assertEquals(s, c[x], tol, "C[" + i + "][" + j + "] of " + this.describe());
            }
        }

        String describe() {
            return (transA ? "A^T" : "A") + (transB ? "B^T" : "B") + " m=" + m + " n=" + n + " k=" + k + " beta=" + beta;
        }

        private static float[] fill(Random rnd, int size) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = rnd.nextFloat() * 2 - 1;
            }
            return x;
        }
    }

    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 17, 3}, {7, 1, 5}, {5, 9, 1}, {6, 16, 8}, {13, 33, 29}, {6, 784, 25}, {16, 100, 150},
        {64, 120, 400}, {97, 35, 300}, {50, 300, 513}, {200, 23, 70}, {12, 70, 600}, {40, 90, 300}, {40, 90, 1100},
    };

    private static void forEveryCase(java.util.function.Consumer<Problem> check) {
        Random rnd = new Random(20261127L);
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                for (float beta : new float[] {0f, 1f}) {
                    check.accept(Problem.random(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], beta));
                }
            }
        }
    }

    @Test
    void matchesDoubleOracleForAllTransposesOffsetsAndBetas() {
        forEveryCase(p -> p.assertMatchesOracle(p.run(1, false)));
    }

    @Test
    void plainFallbackMatchesDoubleOracle() {
        forEveryCase(p -> p.assertMatchesOracle(p.run(1, true)));
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        forEveryCase(p -> {
            float[] one = p.run(1, false);
            assertArrayEquals(one, p.run(2, false), p.describe());
            assertArrayEquals(one, p.run(3, false), p.describe());
            assertArrayEquals(p.run(1, true), p.run(3, true), p.describe() + " (plain)");
        });
    }

    @Test
    void plainFallbackIsBitIdenticalToTheDefaultPath() {
        forEveryCase(p -> assertArrayEquals(p.run(1, false), p.run(1, true), p.describe()));
    }

    @Test
    void productsLargeEnoughToSplitOverRowsOrColumnsAreBitIdenticalAcrossThreadCounts() {
        // few rows and many columns split over columns, many rows over rows; each has enough flops
        // for three threads
        long need = 3 * Sgemm.FLOPS_PER_THREAD;
        int[][] shapes = {{8, 2000, (int) (need / (2 * 8 * 2000)) + 1}, {400, 7, (int) (need / (2 * 400 * 7)) + 1}};
        Random rnd = new Random(5);
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                Problem p = Problem.random(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], t % 2);
                float[] one = p.run(1, false);
                p.assertMatchesOracle(one);
                assertArrayEquals(one, p.run(2, false), p.describe());
                assertArrayEquals(one, p.run(3, false), p.describe());
                assertArrayEquals(one, p.run(3, true), p.describe() + " (plain)");
            }
        }
    }

    /**
     * {@code op(B) = B} of {@code p} written into a {@link PackedB} from offset 5 of two NaN-filled
     * arrays of different lengths, {@code chunk} rows per call.
     */
    private static PackedB pack(Problem p, boolean slivers, int chunk) {
        float[] low = new float[5 + PackedB.size(p.k(), p.n(), slivers) + 2];
        float[] high = new float[5 + PackedB.size(p.k(), p.n(), slivers) + 7];
        java.util.Arrays.fill(low, Float.NaN);
        java.util.Arrays.fill(high, Float.NaN);
        PackedB b = new PackedB(low, high, 5, p.k(), p.n(), slivers);
        for (int r = 0; r < p.k(); r += chunk) {
            b.setRows(r, Math.min(chunk, p.k() - r), p.b(), p.bOff() + r * p.ldb(), p.ldb());
        }
        return b;
    }

    private static float[] runPacked(Problem p, PackedB b, int threads) {
        float[] c = p.c0().clone();
        Sgemm.gemm(p.m(), p.a(), p.aOff(), p.lda(), b, p.beta(), c, p.cOff(), p.ldc(), threads);
        return c;
    }

    @Test
    void packedBGivesTheBitsOfARowMajorBInEitherLayoutAndAnyThreadCount() {
        Random rnd = new Random(11);
        int[][] shapes = {{1, 1, 1}, {6, 16, 8}, {5, 8, 3}, {4, 9, 5}, {13, 33, 29}, {64, 224, 576}, {7, 45, 1300},
            {70, 17, 2100},
            {8, 2000, (int) (3 * Sgemm.FLOPS_PER_THREAD / (2 * 8 * 2000)) + 1}};
        for (int[] s : shapes) {
            for (float beta : new float[] {0f, 1f}) {
                Problem p = Problem.random(rnd, false, false, s[0], s[1], s[2], beta);
                float[] expected = p.run(1, false);
                // chunks of 1, 9 (a 3x3 kernel's taps) and 300 rows: the last two cross the 1024-row k block
                for (int chunk : new int[] {1, 9, 300}) {
                    for (boolean slivers : Sgemm.VECTOR ? new boolean[] {false, true} : new boolean[] {false}) {
                        PackedB b = pack(p, slivers, chunk);
                        String what = p.describe() + " chunk " + chunk + (slivers ? " panels" : " row-major");
                        assertArrayEquals(expected, runPacked(p, b, 1), what);
                        assertArrayEquals(expected, runPacked(p, b, 3), what + ", 3 threads");
                    }
                }
            }
        }
    }

    @Test
    void packedBRejectsAShortArrayAndRowsOutsideTheMatrix() {
        int size = PackedB.size(3, 5);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> new PackedB(new float[size - 1], new float[size], 0, 3, 5));
        assertTrue(small.getMessage().contains("3 x 5"), small.getMessage());
        if (Sgemm.VECTOR) {
            IllegalArgumentException shortHigh = assertThrows(IllegalArgumentException.class,
                    () -> new PackedB(new float[size], new float[size - 1], 0, 3, 5));
            assertTrue(shortHigh.getMessage().contains(String.valueOf(size - 1)), shortHigh.getMessage());
        }
        PackedB b = new PackedB(new float[size], new float[size], 0, 3, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> b.setRows(2, 2, new float[10], 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> b.setRow(0, new float[4], 0));
        assertThrows(IllegalArgumentException.class, () -> b.setRows(0, 2, new float[10], 0, 4));
    }

    @Test
    void zeroDepthOverwritesWithZerosOrKeepsC() {
        Random rnd = new Random(3);
        Problem zero = Problem.random(rnd, false, false, 3, 4, 0, 0f);
        zero.assertMatchesOracle(zero.run(2, false));
        Problem keep = Problem.random(rnd, true, true, 3, 4, 0, 1f);
        assertArrayEquals(keep.c0(), keep.run(1, false));
    }

    @Test
    void rejectsBetaOtherThanZeroOrOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sgemm.gemm(false, false,
                1, 1, 1, new float[1], 0, 1, new float[1], 0, 1, 0.5f, new float[1], 0, 1, 1));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void rejectsLeadingDimensionShorterThanTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sgemm.gemm(false, false,
                2, 3, 4, new float[8], 0, 3, new float[12], 0, 3, 0f, new float[6], 0, 3, 1));
        assertTrue(e.getMessage().contains("lda = 3"), e.getMessage());
    }
}
