package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class DiceLossTest {
    private static final Shape OUT = Shape.of(2, 3, 2, 2);

    /** Independent oracle: softmax per pixel, then the Dice formula with sums over batch and pixels. */
    private static double oracle(FloatNd x, double[][][][] onehot, double eps) {
        int n = 2;
        int k = 3;
        double mean = 0;
        for (int c = 0; c < k; c++) {
            double inter = 0;
            double sum = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        double z = 0;
                        for (int q = 0; q < k; q++) {
                            z += Math.exp(x.get(b, q, i, j));
                        }
                        double p = Math.exp(x.get(b, c, i, j)) / z;
                        inter += p * onehot[b][c][i][j];
                        sum += p + onehot[b][c][i][j];
                    }
                }
            }
            mean += (2 * inter + eps) / (sum + eps) / k;
        }
        return 1 - mean;
    }

    private static final float[] LABELS = {0, 2, 1, 1, 2, 2, 0, 0};

    private static double[][][][] onehot() {
        double[][][][] t = new double[2][3][2][2];
        for (int b = 0; b < 2; b++) {
            for (int p = 0; p < 4; p++) {
                t[b][(int) LABELS[b * 4 + p]][p / 2][p % 2] = 1;
            }
        }
        return t;
    }

    private static FloatNd onehotNd() {
        double[][][][] t = onehot();
        FloatNd out = FloatNd.zeros(OUT);
        for (int i = 0; i < OUT.size(); i++) {
            out.setDouble(i, t[i / 12][i / 4 % 3][i / 2 % 2][i % 2]);
        }
        return out;
    }

    @Test
    void lossMatchesTheDiceFormulaOnSoftmaxProbabilities() {
        FloatNd x = SoftmaxCrossEntropyTest.random(OUT, 1, 2);
        DiceLoss loss = new DiceLoss();
        assertEquals(oracle(x, onehot(), DiceLoss.DEFAULT_EPS), loss.evaluate(x, FloatNd.of(Shape.of(2, 2, 2), LABELS)),
                1e-12);
    }

    @Test
    void classIndexAndOneHotTargetsGiveTheSameLossAndGradient() {
        FloatNd x = SoftmaxCrossEntropyTest.random(OUT, 2, 2);
        DiceLoss a = new DiceLoss(0.5);
        DiceLoss b = new DiceLoss(0.5);
        assertEquals(a.evaluate(x, FloatNd.of(Shape.of(2, 2, 2), LABELS)), b.evaluate(x, onehotNd()), 0);
        float[] ga = a.backward().toArray();
        float[] gb = b.backward().toArray();
        for (int i = 0; i < ga.length; i++) {
            assertEquals(ga[i], gb[i], 0);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        FloatNd x = SoftmaxCrossEntropyTest.random(OUT, 3, 2);
        FloatNd labels = FloatNd.of(Shape.of(2, 2, 2), LABELS);
        DiceLoss loss = new DiceLoss(1e-3);
        loss.evaluate(x, labels);
        float[] g = loss.backward().toArray();
        DiceLoss probe = new DiceLoss(1e-3);
        for (int i = 0; i < OUT.size(); i++) {
            float[] plus = x.toArray();
            float[] minus = x.toArray();
            plus[i] += 1e-2f;
            minus[i] -= 1e-2f;
            double fd = (probe.evaluate(FloatNd.of(OUT, plus), labels) - probe.evaluate(FloatNd.of(OUT, minus), labels))
                    / (plus[i] - minus[i]);
            assertEquals(fd, g[i], 1e-5, "element " + i);
        }
    }

    @Test
    void confidentCorrectPredictionHasNearZeroLoss() {
        FloatNd x = FloatNd.zeros(OUT);
        FloatNd t = onehotNd();
        for (int i = 0; i < OUT.size(); i++) {
            x.setDouble(i, 30 * t.getDouble(i));
        }
        assertTrue(new DiceLoss().forward(x, t) < 1e-6);
    }

    @Test
    void targetFittingNeitherFormIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiceLoss().forward(FloatNd.zeros(OUT), FloatNd.zeros(Shape.of(2, 3, 2))));
        assertTrue(e.getMessage().contains("2x2x2") && e.getMessage().contains("2x3x2x2"), e.getMessage());
    }

    @Test
    void labelOutsideTheClassesIsRejected() {
        float[] bad = LABELS.clone();
        bad[5] = 3;
        assertThrows(IllegalArgumentException.class,
                () -> new DiceLoss().forward(FloatNd.zeros(OUT), FloatNd.of(Shape.of(2, 2, 2), bad)));
    }
}
