package org.convkit.api.nn;

import static org.convkit.api.nn.LayerChecks.assertBitIdentical;
import static org.convkit.api.nn.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class DropoutLayerTest {

    private static FloatNd ones(Shape s) {
        float[] v = new float[s.size()];
        Arrays.fill(v, 1f);
        return FloatNd.of(s, v);
    }

    @Test
    void evaluationPassReturnsTheInputUnchanged() {
        FloatNd x = random(Shape.of(2, 8), 1);
        assertSame(x, new DropoutLayer(new DropoutSpec(0.5)).forward(x, Pass.eval(2)));
    }

    @Test
    void trainingZeroesAboutAFractionPAndScalesTheRestByOneOverOneMinusP() {
        double p = 0.3;
        int size = 200_000;
        FloatNd y = new DropoutLayer(new DropoutSpec(p)).forward(ones(Shape.of(100, size / 100)), Pass.train(1, 5));
        float scale = (float) (1 / (1 - p));
        int zeros = 0;
        double sum = 0;
        for (float v : y.toArray()) {
            assertTrue(v == 0f || v == scale, "value " + v);
            zeros += v == 0f ? 1 : 0;
            sum += v;
        }
        double sd = Math.sqrt(size * p * (1 - p));
        assertEquals(size * p, zeros, 5 * sd, "zeroed elements");
        assertEquals(1.0, sum / size, 5 * sd * scale / size, "mean of the output");
    }

    @Test
    void backwardUsesTheForwardMask() {
        DropoutLayer l = new DropoutLayer(new DropoutSpec(0.5));
        FloatNd x = ones(Shape.of(4, 50));
        FloatNd y = l.forward(x, Pass.train(1, 9));
        FloatNd gx = l.backward(random(x.shape(), 3));
        FloatNd gy = random(x.shape(), 3);
        for (int i = 0; i < 200; i++) {
            assertEquals(y.getDouble(i) == 0 ? 0.0 : gy.getDouble(i) * 2, gx.getDouble(i), 1e-6);
        }
    }

    @Test
    void theSameSeedGivesTheSameMaskWhateverTheThreadCount() {
        FloatNd x = random(Shape.of(3, 100_000), 2);
        FloatNd gy = random(x.shape(), 3);
        DropoutLayer one = new DropoutLayer(new DropoutSpec(0.4));
        DropoutLayer two = new DropoutLayer(new DropoutSpec(0.4));
        assertBitIdentical(one.forward(x, Pass.train(1, 77)), two.forward(x, Pass.train(2, 77)), "y");
        assertBitIdentical(one.backward(gy), two.backward(gy), "gx");
    }

    @Test
    void differentSeedsGiveDifferentMasks() {
        FloatNd x = ones(Shape.of(2, 500));
        DropoutLayer l = new DropoutLayer(new DropoutSpec(0.5));
        float[] a = l.forward(x, Pass.train(1, 1)).toArray();
        float[] b = l.forward(x, Pass.train(1, 2)).toArray();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void probabilityZeroKeepsEverything() {
        FloatNd x = random(Shape.of(2, 30), 4);
        assertArrayEquals(x.toArray(), new DropoutLayer(new DropoutSpec(0)).forward(x, Pass.train(2, 3)).toArray());
    }

    @Test
    void gradientsMatchFiniteDifferencesForAFixedSeed() {
        LayerChecks.assertGradientsMatchFiniteDifferences(new DropoutLayer(new DropoutSpec(0.5)),
                random(Shape.of(2, 10), 5), 6, 1e-2, 1e-3);
    }
}
