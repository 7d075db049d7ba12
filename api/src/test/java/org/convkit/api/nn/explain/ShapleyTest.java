package org.convkit.api.nn.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.junit.jupiter.api.Test;

class ShapleyTest {
    private static final Shape INPUT = Shape.of(2, 10);
    private static final int CLASS = 1;

    private final Model model = Nets.conv(INPUT, 3, 5);
    private final FloatNd x = scaled(Nets.random(INPUT, 6), 3);

    private static FloatNd scaled(FloatNd a, float k) {
        float[] d = a.toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] *= k;
        }
        return FloatNd.of(a.shape(), d);
    }

    /**
     * Exact Shapley values over all 2^M coalitions: phi_i = sum over S without i of
     * |S|! (M - |S| - 1)! / M! (v(S + i) - v(S)), v(S) the class score of {@code input} with the
     * positions whose segment ({@code segmentOf}, by spatial position) is outside S zeroed.
     */
    private static double[] exact(Model net, FloatNd input, int m, java.util.function.IntUnaryOperator segmentOf) {
        Scorer scorer = new Scorer(net, null, 1, 64);
        Shape shape = input.shape();
        int area = shape.size() / shape.dim(0);
        double[] v = new double[1 << m];
        for (int mask = 0; mask < v.length; mask++) {
            float[] d = new float[shape.size()];
            for (int c = 0; c < shape.dim(0); c++) {
                for (int p = 0; p < area; p++) {
                    if ((mask >> segmentOf.applyAsInt(p) & 1) != 0) {
                        d[c * area + p] = input.data()[c * area + p];
                    }
                }
            }
            v[mask] = scorer.sampleScores(FloatNd.of(shape, d))[CLASS];
        }
        double[] fact = new double[m + 1];
        fact[0] = 1;
        for (int i = 1; i <= m; i++) {
            fact[i] = fact[i - 1] * i;
        }
        double[] phi = new double[m];
        for (int i = 0; i < m; i++) {
            for (int mask = 0; mask < v.length; mask++) {
                if ((mask >> i & 1) == 0) {
                    int size = Integer.bitCount(mask);
                    phi[i] += fact[size] * fact[m - size - 1] / fact[m] * (v[mask | 1 << i] - v[mask]);
                }
            }
        }
        return phi;
    }

    private double[] exact(int segment) {
        int t = INPUT.dim(1);
        return exact(model, x, (t + segment - 1) / segment, p -> p / segment);
    }

    private ShapleyValues estimate(ShapleyConfig config, int threads) {
        return Shapley.estimate(new Scorer(model, null, threads, 16), x, CLASS, config);
    }

    @Test
    void sampledValuesMatchTheExactOnesWithinTheirSamplingError() {
        double[] want = exact(2);
        ShapleyValues got = estimate(new ShapleyConfig(2, 3000, false, Baseline.ZERO, 1), 1);
        assertEquals(5, got.values().length);
        for (int i = 0; i < want.length; i++) {
            double tol = 5 * got.standardErrors()[i] + 1e-6;
            assertEquals(want[i], got.values()[i], tol, "segment " + i + " (standard error "
                    + got.standardErrors()[i] + ")");
        }
    }

    @Test
    void antitheticValuesMatchTheExactOnes() {
        double[] want = exact(3);
        ShapleyValues got = estimate(new ShapleyConfig(3, 2000, true, Baseline.ZERO, 2), 1);
        assertEquals(4, got.values().length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got.values()[i], 5 * got.standardErrors()[i] + 1e-6, "segment " + i);
        }
    }

    @Test
    void valuesSumToTheScoreMinusTheBaselineScore() {
        for (Baseline b : Baseline.values()) {
            ShapleyValues got = estimate(new ShapleyConfig(3, 7, false, b, 3), 1);
            double sum = 0;
            for (double v : got.values()) {
                sum += v;
            }
            double gap = got.score() - got.baselineScore();
            assertEquals(gap, sum, 1e-12 * (1 + Math.abs(gap)), b.name());
            assertTrue(Math.abs(gap) > 1e-3, "a meaningful gap for " + b);
        }
    }

    @Test
    void imagePatchValuesMatchTheExactOnes() {
        Shape image = Shape.of(1, 5, 4);
        Model net = Nets.conv(image, 3, 8);
        FloatNd pic = scaled(Nets.random(image, 9), 2);
        // patches of 2 x 2: rows {0,1}, {2,3}, {4} by columns {0,1}, {2,3}, numbered row by row
        double[] want = exact(net, pic, 6, p -> (p / 4 / 2) * 2 + (p % 4) / 2);
        ShapleyValues got = Shapley.estimate(new Scorer(net, null, 2, 16), pic, CLASS,
                new ShapleyConfig(2, 3000, false, Baseline.ZERO, 4));
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got.values()[i], 5 * got.standardErrors()[i] + 1e-6, "patch " + i);
        }
    }

    @Test
    void sameSeedGivesTheSameBitsWhateverTheThreadCount() {
        ShapleyConfig config = new ShapleyConfig(2, 40, true, Baseline.MEAN, 9);
        assertArrayEquals(estimate(config, 1).values(), estimate(config, 4).values());
    }

    @Test
    void patchesOfAnImageAreNumberedRowByRow() {
        Segments s = new Segments(Shape.of(1, 3, 5), 2);
        assertArrayEquals(new int[] {2, 3}, s.grid());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 0, 0, 1, 1, 2, 3, 3, 4, 4, 5}, s.labels());
    }

    @Test
    void mapSpreadsEachValueOverItsSegment() {
        ShapleyValues got = estimate(new ShapleyConfig(4, 2, false, Baseline.ZERO, 1), 1);
        float[] map = got.map().toArray();
        assertEquals(10, map.length);
        for (int p = 0; p < 10; p++) {
            assertEquals((float) got.values()[p / 4], map[p]);
        }
    }
}
