package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast max pooling loops against the general loop, bit for bit, on inputs with NaN, ties and signed zeros. */
class PoolForwardTest {

    /** Uniform values with about 10% NaN, 10% -inf and 30% from {-1, -0, 0, 1} (ties), from a fixed seed. */
    private static float[] input(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] ties = {-1f, -0f, 0f, 1f};
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            v[i] = u < 0.1 ? Float.NaN : u < 0.2 ? Float.NEGATIVE_INFINITY : u < 0.5 ? ties[rng.nextInt(4)]
                    : (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Float bits with NaN made canonical: -0 and 0 differ, every NaN is the same. */
    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToIntBits(v[i]);
        }
        return b;
    }

    /** Runs the chosen and the general loop on the same input, evaluation and training, and compares. */
    private static void check(int[] k, int[] s, int[] id, PoolForward.Path expected, long seed) {
        int[] od = new int[3];
        for (int a = 0; a < 3; a++) {
            od[a] = (id[a] - k[a]) / s[a] + 1;
        }
        PoolForward f = new PoolForward(true, k, s, new int[3], id, od);
        String what = "k " + Arrays.toString(k) + " s " + Arrays.toString(s) + " in " + Arrays.toString(id);
        assertEquals(expected, f.path(), what);
        int planes = 3;
        int offset = 5;
        float[] in = input(offset + planes * id[0] * id[1] * id[2], seed);
        int outSize = planes * od[0] * od[1] * od[2];
        float[] fastEval = new float[outSize];
        float[] generalEval = new float[outSize];
        f.run(in, offset, fastEval, null, 0, planes);
        f.general(in, offset, generalEval, null, 0, planes);
        assertArrayEquals(bits(generalEval), bits(fastEval), what + " evaluation");
        float[] fastTrain = new float[outSize];
        float[] generalTrain = new float[outSize];
        int[] fastArgmax = new int[outSize];
        int[] generalArgmax = new int[outSize];
        // planes 1 and 2 only, so that the plane range is honoured too
        f.run(in, offset, fastTrain, fastArgmax, 1, planes);
        f.general(in, offset, generalTrain, generalArgmax, 1, planes);
        assertArrayEquals(bits(generalTrain), bits(fastTrain), what + " training values");
        assertArrayEquals(generalArgmax, fastArgmax, what + " training argmax");
    }

    @Test
    void rowLoopsMatchTheGeneralLoopForEveryKernelUpToSeven() {
        long seed = 1;
        for (int kernel = 1; kernel <= 7; kernel++) {
            for (int n : new int[] {kernel, kernel + 1, 3 * kernel, 5 * kernel + kernel - 1, 97}) {
                check(new int[] {1, 1, kernel}, new int[] {1, 1, kernel}, new int[] {1, 1, n}, PoolForward.Path.ROWS,
                        seed++);
            }
        }
    }

    @Test
    void rowLoopsMatchTheGeneralLoopWithStridesOnTheLeadingAxes() {
        check(new int[] {1, 1, 4}, new int[] {1, 1, 4}, new int[] {1, 5, 17}, PoolForward.Path.ROWS, 50);
        check(new int[] {1, 1, 2}, new int[] {1, 3, 2}, new int[] {1, 7, 9}, PoolForward.Path.ROWS, 51);
        check(new int[] {1, 1, 3}, new int[] {2, 2, 3}, new int[] {5, 4, 10}, PoolForward.Path.ROWS, 52);
    }

    @Test
    void twoByTwoLoopMatchesTheGeneralLoopOnEvenAndOddSizes() {
        long seed = 60;
        for (int[] hw : new int[][] {{2, 2}, {4, 4}, {28, 28}, {5, 7}, {10, 3}, {3, 2}, {2, 9}}) {
            check(new int[] {1, 2, 2}, new int[] {1, 2, 2}, new int[] {1, hw[0], hw[1]}, PoolForward.Path.TWO_BY_TWO,
                    seed++);
        }
        check(new int[] {1, 2, 2}, new int[] {2, 2, 2}, new int[] {5, 6, 7}, PoolForward.Path.TWO_BY_TWO, 70);
    }

    @Test
    void twoCubedStrideTwoMatchesTheGeneralLoop() {
        long seed = 90;
        for (int[] dhw : new int[][] {{2, 2, 2}, {4, 4, 4}, {5, 6, 7}, {8, 3, 2}, {2, 9, 4}, {16, 16, 16}}) {
            check(new int[] {2, 2, 2}, new int[] {2, 2, 2}, dhw, PoolForward.Path.CUBE, seed++);
        }
    }

    @Test
    void otherGeometriesUseTheGeneralLoop() {
        check(new int[] {2, 2, 2}, new int[] {1, 2, 2}, new int[] {4, 4, 4}, PoolForward.Path.GENERAL, 80);
        check(new int[] {1, 1, 3}, new int[] {1, 1, 2}, new int[] {1, 1, 9}, PoolForward.Path.GENERAL, 81);
        check(new int[] {1, 3, 3}, new int[] {1, 2, 2}, new int[] {1, 9, 9}, PoolForward.Path.GENERAL, 82);
        PoolForward padded = new PoolForward(true, new int[] {1, 1, 4}, new int[] {1, 1, 4}, new int[] {0, 0, 1},
                new int[] {1, 1, 8}, new int[] {1, 1, 2});
        assertEquals(PoolForward.Path.GENERAL, padded.path());
        PoolForward avg = new PoolForward(false, new int[] {1, 1, 4}, new int[] {1, 1, 4}, new int[3],
                new int[] {1, 1, 8}, new int[] {1, 1, 2});
        assertEquals(PoolForward.Path.GENERAL, avg.path());
    }
}
