package org.convkit.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShiftedGemmTest {

    private static float[] fill(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextFloat() * 2 - 1;
        }
        return x;
    }

    /**
     * For each shape: A with an offset and padded rows, B rows at random starts in one array (the
     * highest row ending at the array's end when {@code tight}, so the last strip must be copied),
     * C with an offset, padded rows and NaN around the window; the shifted product must give the
     * bits of {@link Sgemm#gemm} on the same B stored row-major (beta 0 for the loose array, 1 for the
     * tight one), in either A layout and at 1 and 3 threads.
     */
    @Test
    void shiftedProductGivesTheBitsOfTheRowMajorProduct() {
        Random rnd = new Random(41);
        int[][] shapes = {{1, 1, 1}, {6, 16, 8}, {5, 17, 25}, {4, 9, 3}, {16, 136, 150}, {13, 33, 29}, {40, 100, 550},
            {7, 45, 1300}, {6, 2000, (int) (3 * Sgemm.FLOPS_PER_THREAD / (2 * 6 * 2000)) + 1}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (boolean tight : new boolean[] {false, true}) {
                int lda = k + rnd.nextInt(3);
                int aOff = rnd.nextInt(4);
                float[] a = fill(rnd, aOff + m * lda);
                int span = n + rnd.nextInt(40);
                float[] data = fill(rnd, span + (tight ? 0 : 16));
                int[] starts = new int[k];
                for (int p = 0; p < k; p++) {
                    starts[p] = rnd.nextInt(span - n + 1) - 3;
                }
                starts[rnd.nextInt(k)] = span - n - 3;
                float[] rows = new float[k * n];
                for (int p = 0; p < k; p++) {
                    System.arraycopy(data, 3 + starts[p], rows, p * n, n);
                }
                int ldc = n + rnd.nextInt(3);
                int cOff = rnd.nextInt(4);
                // beta 0 over NaN (nothing may be read), beta 1 over values
                float beta = tight ? 1f : 0f;
                float[] c0 = fill(rnd, cOff + m * ldc + 2);
                if (beta == 0f) {
                    Arrays.fill(c0, Float.NaN);
                }
                float[] want = c0.clone();
                Sgemm.gemm(false, false, m, n, k, a, aOff, lda, rows, 0, n, beta, want, cOff, ldc, 1);
                ShiftedB b = new ShiftedB(data, 3, starts, n);
                for (boolean slivers : Sgemm.VECTOR ? new boolean[] {false, true} : new boolean[] {false}) {
                    PackedA packed = new PackedA(a, aOff, lda, m, k, slivers);
                    for (int threads : new int[] {1, 3}) {
                        float[] c = c0.clone();
                        Sgemm.gemm(packed, b, beta, c, cOff, ldc, threads);
                        assertArrayEquals(want, c, m + " x " + n + " x " + k + (tight ? " tight" : "") + " beta " + beta
                                + (slivers ? " slivers" : " row-major") + ", " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void packedAKeepsItsOwnCopy() {
        float[] a = {1, 2, 3, 4};
        PackedA packed = new PackedA(a, 0, 2, 2, 2);
        a[0] = 100;
        float[] c = new float[2];
        Sgemm.gemm(packed, new ShiftedB(new float[] {1, 1}, 0, new int[] {0, 1}, 1), 0f, c, 0, 1, 1);
        assertArrayEquals(new float[] {3, 7}, c);
    }

    @Test
    void rejectsRowsOutsideTheArrayMismatchedDepthsAndShortOperands() {
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> new ShiftedB(new float[10], 2, new int[] {0, 5}, 4));
        assertTrue(past.getMessage().contains("10 floats"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ShiftedB(new float[10], 0, new int[] {-1}, 4));
        IllegalArgumentException shortA = assertThrows(IllegalArgumentException.class,
                () -> new PackedA(new float[5], 0, 3, 2, 3));
        assertTrue(shortA.getMessage().contains("2 x 3"), shortA.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PackedA(new float[6], 0, 2, 2, 3));
        PackedA a = new PackedA(new float[6], 0, 3, 2, 3);
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(a, new ShiftedB(new float[8], 0, new int[] {0, 1}, 4), 0f, new float[8], 0, 4, 1));
        assertTrue(depth.getMessage().contains("3 columns"), depth.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(a, new ShiftedB(new float[8], 0, new int[] {0, 1, 2}, 4), 0f, new float[8], 0, 3, 1));
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(a, new ShiftedB(new float[8], 0, new int[] {0, 1, 2}, 4), 0.5f, new float[8], 0, 4,
                        1));
        assertTrue(beta.getMessage().contains("0.5"), beta.getMessage());
    }
}
