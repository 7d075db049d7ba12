package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    static FloatNd random(Shape s, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (scale * (2 * r.nextDouble() - 1));
        }
        return FloatNd.of(s, d);
    }

    /** Mean of -log(exp(x_y) / sum_k exp(x_k)) over rows, directly (fine for moderate logits). */
    private static double naive(FloatNd x, float[] labels) {
        int n = x.shape().dim(0);
        int k = x.shape().dim(1);
        double total = 0;
        for (int b = 0; b < n; b++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(x.get(b, c));
            }
            total += -Math.log(Math.exp(x.get(b, (int) labels[b])) / sum);
        }
        return total / n;
    }

    @Test
    void lossMatchesTheDirectLogSoftmaxFormula() {
        FloatNd x = random(Shape.of(5, 4), 1, 3);
        float[] labels = {0, 3, 1, 1, 2};
        float loss = new SoftmaxCrossEntropy().forward(x, FloatNd.of(Shape.of(5), labels));
        assertEquals(naive(x, labels), loss, 1e-6);
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheLoss() {
        FloatNd x = random(Shape.of(3, 5), 2, 2);
        FloatNd labels = FloatNd.of(Shape.of(3), 4, 0, 2);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        loss.forward(x, labels);
        FloatNd g = loss.backward();
        float[] lab = labels.toArray();
        for (int i = 0; i < x.shape().size(); i++) {
            float[] plus = x.toArray();
            float[] minus = x.toArray();
            plus[i] += 1e-2f;
            minus[i] -= 1e-2f;
            double fd = (naive(FloatNd.of(x.shape(), plus), lab) - naive(FloatNd.of(x.shape(), minus), lab))
                    / (plus[i] - minus[i]);
            assertEquals(fd, g.getDouble(i), 1e-5, "element " + i);
        }
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        FloatNd x = FloatNd.of(Shape.of(2, 2), 1000f, 0f, 1000f, 0f);
        float loss = new SoftmaxCrossEntropy().forward(x, FloatNd.of(Shape.of(2), 0, 1));
        // row 0 is certain and right (loss 0), row 1 certain and wrong (loss 1000)
        assertEquals(500.0, loss, 1e-3);
        FloatNd p = SoftmaxCrossEntropy.softmax(x);
        assertEquals(1.0, p.getDouble(0), 0);
        assertEquals(0.0, p.getDouble(1), 0);
    }

    @Test
    void softmaxRowsArePositiveAndSumToOne() {
        FloatNd p = SoftmaxCrossEntropy.softmax(random(Shape.of(4, 7), 3, 10));
        for (int b = 0; b < 4; b++) {
            double sum = 0;
            for (int c = 0; c < 7; c++) {
                assertTrue(p.get(b, c) > 0);
                sum += p.get(b, c);
            }
            assertEquals(1.0, sum, 1e-6);
        }
    }

    @Test
    void spatialOutputsAverageOverEveryPosition() {
        // [N=2, K=3, 2] equals the [4, 3] problem of its positions
        FloatNd x = random(Shape.of(2, 3, 2), 4, 2);
        float[] labels = {2, 0, 1, 1};
        float[] rows = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 2; i++) {
                    rows[(b * 2 + i) * 3 + c] = x.get(b, c, i);
                }
            }
        }
        float loss = new SoftmaxCrossEntropy().forward(x, FloatNd.of(Shape.of(2, 2), labels));
        assertEquals(naive(FloatNd.of(Shape.of(4, 3), rows), labels), loss, 1e-6);
    }

    @Test
    void labelOutsideTheClassesIsRejectedNamingTheShapes() {
        FloatNd x = random(Shape.of(2, 3), 5, 1);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        for (float bad : new float[] {3, -1, 0.5f, Float.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.forward(x, FloatNd.of(Shape.of(2), 0, bad)));
            assertTrue(e.getMessage().contains("[0, 3)") && e.getMessage().contains("2x3"), e.getMessage());
        }
    }

    @Test
    void targetOfTheWrongShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().forward(random(Shape.of(2, 3), 6, 1),
                        FloatNd.of(Shape.of(3), 0, 1, 2)));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("3"), e.getMessage());
    }
}
