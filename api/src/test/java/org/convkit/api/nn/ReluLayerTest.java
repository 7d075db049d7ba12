package org.convkit.api.nn;

import static org.convkit.api.nn.LayerChecks.assertBitIdentical;
import static org.convkit.api.nn.LayerChecks.assertClose;
import static org.convkit.api.nn.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class ReluLayerTest {

    @Test
    void reluAndLeakyReluMatchTheDoubleOracle() {
        for (float slope : new float[] {0f, 0.1f}) {
            ReluLayer l = new ReluLayer(new ReluSpec(slope));
            FloatNd x = LayerChecks.offsetCopy(random(Shape.of(3, 4, 5), 1));
            FloatNd gy = random(x.shape(), 2);
            double[] y = new double[60];
            double[] gx = new double[60];
            for (int i = 0; i < 60; i++) {
                double v = x.getDouble(i);
                y[i] = v > 0 ? v : slope * v;
                gx[i] = v > 0 ? gy.getDouble(i) : slope * gy.getDouble(i);
            }
            assertClose(y, l.forward(x, Pass.train(1, 0)), 1e-7, "y slope " + slope);
            assertClose(gx, l.backward(gy), 1e-7, "gx slope " + slope);
        }
    }

    @Test
    void gradientAtZeroIsTheNegativeSidesAsInTorch() {
        FloatNd x = FloatNd.of(Shape.of(1, 3), -1, 0, 2);
        FloatNd ones = FloatNd.of(Shape.of(1, 3), 1, 1, 1);
        ReluLayer relu = new ReluLayer(ReluSpec.relu());
        assertArrayEquals(new float[] {0, 0, 2}, relu.forward(x, Pass.train(1, 0)).toArray());
        assertArrayEquals(new float[] {0, 0, 1}, relu.backward(ones).toArray());
        ReluLayer leaky = new ReluLayer(new ReluSpec(0.1f));
        leaky.forward(x, Pass.train(1, 0));
        assertArrayEquals(new float[] {0.1f, 0.1f, 1}, leaky.backward(ones).toArray());
    }

    @Test
    void reluPropagatesNaN() {
        FloatNd y = new ReluLayer(ReluSpec.relu()).forward(FloatNd.of(Shape.of(1, 1), Float.NaN), Pass.eval(1));
        assertTrue(Float.isNaN(y.toArray()[0]));
    }

    @Test
    void forwardLeavesItsInputUnchanged() {
        FloatNd x = random(Shape.of(2, 5), 3);
        float[] before = x.toArray();
        new ReluLayer(ReluSpec.relu()).forward(x, Pass.train(1, 0));
        assertArrayEquals(before, x.toArray());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerChecks.assertGradientsMatchFiniteDifferences(new ReluLayer(new ReluSpec(0.2f)),
                random(Shape.of(2, 6), 4), 5, 1e-3, 1e-3);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        FloatNd x = random(Shape.of(4, 3, 100, 100), 6);
        FloatNd gy = random(x.shape(), 7);
        ReluLayer one = new ReluLayer(new ReluSpec(0.01f));
        ReluLayer two = new ReluLayer(new ReluSpec(0.01f));
        assertBitIdentical(one.forward(x, Pass.train(1, 0)), two.forward(x, Pass.train(2, 0)), "y");
        assertBitIdentical(one.backward(gy), two.backward(gy), "gx");
    }

    @Test
    void backwardBeforeATrainingForwardIsRefused() {
        ReluLayer l = new ReluLayer(ReluSpec.relu());
        l.forward(FloatNd.zeros(Shape.of(1, 2)), Pass.eval(1));
        assertThrows(IllegalStateException.class, () -> l.backward(FloatNd.zeros(Shape.of(1, 2))));
    }

    @Test
    void vectorLoopsGiveTheScalarLoopsBits() {
        float[] special = {Float.NaN, -Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f};
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 203;
        float[] x = new float[n + 3];
        float[] g = new float[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : (float) r.nextGaussian();
            g[i] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : (float) r.nextGaussian();
        }
        for (float slope : new float[] {0f, 0.01f, -0.5f}) {
            for (int lo : new int[] {0, 5}) {
                float[] scalar = new float[n];
                float[] vector = new float[n];
                if (slope == 0) {
                    ReluLayer.relu(x, 3, scalar, lo, n, false);
                    ReluLayer.relu(x, 3, vector, lo, n, true);
                } else {
                    ReluLayer.leakyRelu(x, 3, scalar, lo, n, slope, false);
                    ReluLayer.leakyRelu(x, 3, vector, lo, n, slope, true);
                }
                assertBits(scalar, vector, "forward slope " + slope + " lo " + lo);
                float[] y = scalar;
                float[] gs = new float[n];
                float[] gv = new float[n];
                ReluLayer.backward(y, g, 3, gs, lo, n, slope, false);
                ReluLayer.backward(y, g, 3, gv, lo, n, slope, true);
                assertBits(gs, gv, "backward slope " + slope + " lo " + lo);
            }
        }
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", scalar gives " + expected[i]);
            }
        }
    }
}
