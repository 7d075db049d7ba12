package org.convkit.api.nn;

import static org.convkit.api.nn.LayerChecks.assertBitIdentical;
import static org.convkit.api.nn.LayerChecks.assertClose;
import static org.convkit.api.nn.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class BatchNormLayerTest {

    private static BatchNormLayer layer(int channels, long seed) {
        BatchNormLayer l = new BatchNormLayer(BatchNormSpec.of(channels));
        for (Parameter p : l.parameters()) {
            float[] r = random(p.shape(), seed++).data();
            for (int i = 0; i < r.length; i++) {
                p.value().data()[i] += r[i] * 0.5f;
            }
        }
        return l;
    }

    @Test
    void startsWithGammaOneBetaZeroRunningMeanZeroAndRunningVarianceOne() {
        BatchNormLayer l = new BatchNormLayer(BatchNormSpec.of(3));
        assertEquals(List.of("weight", "bias"), l.parameters().stream().map(Parameter::name).toList());
        assertEquals(List.of("running_mean", "running_var"), l.buffers().stream().map(Parameter::name).toList());
        assertArrayEquals(new float[] {1, 1, 1}, l.parameters().get(0).value().toArray());
        assertArrayEquals(new float[] {0, 0, 0}, l.parameters().get(1).value().toArray());
        assertArrayEquals(new float[] {0, 0, 0}, l.buffers().get(0).value().toArray());
        assertArrayEquals(new float[] {1, 1, 1}, l.buffers().get(1).value().toArray());
    }

    @Test
    void trainingMatchesTheDoubleOracleForEveryRank() {
        long seed = 1;
        for (Shape s : new Shape[] {Shape.of(5, 3), Shape.of(3, 2, 4), Shape.of(2, 3, 3, 4), Shape.of(2, 2, 2, 3, 2)}) {
            int c = s.dim(1);
            BatchNormLayer l = layer(c, seed++);
            FloatNd x = LayerChecks.offsetCopy(random(s, seed++));
            FloatNd gy = random(s, seed++);
            Oracle o = new Oracle(x, l.parameters().get(0).value().toArray(), l.parameters().get(1).value().toArray(), gy);
            assertClose(o.y, l.forward(x, Pass.train(1, 0)), 1e-5, "y " + s);
            assertClose(o.gx, l.backward(gy), 1e-5, "gx " + s);
            assertClose(o.ggamma, l.parameters().get(0).grad(), 1e-5, "ggamma " + s);
            assertClose(o.gbeta, l.parameters().get(1).grad(), 1e-5, "gbeta " + s);
            double[] rm = new double[c];
            double[] rv = new double[c];
            for (int k = 0; k < c; k++) {
                rm[k] = 0.1 * o.mean[k];
                rv[k] = 0.9 + 0.1 * o.var[k] * o.m / (o.m - 1);
            }
            assertClose(rm, l.buffers().get(0).value(), 1e-6, "running mean " + s);
            assertClose(rv, l.buffers().get(1).value(), 1e-6, "running var " + s);
        }
    }

    @Test
    void evaluationUsesTheRunningStatisticsAndLeavesThemUnchanged() {
        BatchNormLayer l = layer(2, 1);
        float[] rm = l.buffers().get(0).value().data();
        float[] rv = l.buffers().get(1).value().data();
        rm[0] = 0.5f;
        rm[1] = -1f;
        rv[0] = 2f;
        rv[1] = 0.25f;
        float[] g = l.parameters().get(0).value().toArray();
        float[] b = l.parameters().get(1).value().toArray();
        FloatNd x = random(Shape.of(3, 2, 4), 4);
        FloatNd y = l.forward(x, Pass.eval(1));
        double[] want = new double[24];
        for (int i = 0; i < 24; i++) {
            int c = (i / 4) % 2;
            want[i] = (x.getDouble(i) - rm[c]) / Math.sqrt(rv[c] + 1e-5) * g[c] + b[c];
        }
        assertClose(want, y, 1e-6, "y");
        assertArrayEquals(new float[] {0.5f, -1f}, rm);
        assertArrayEquals(new float[] {2f, 0.25f}, rv);
    }

    @Test
    void runningStatisticsMoveTowardsTheBatchStatisticsWithMomentum() {
        BatchNormLayer l = new BatchNormLayer(new BatchNormSpec(1, 0.5, 1e-5));
        FloatNd x = FloatNd.of(Shape.of(4, 1), 1, 2, 3, 6);
        l.forward(x, Pass.train(1, 0));
        // mean 3, unbiased variance (4 + 1 + 0 + 9) / 3
        assertEquals(0.5 * 3, l.buffers().get(0).value().getDouble(0), 1e-6);
        assertEquals(0.5 + 0.5 * 14 / 3.0, l.buffers().get(1).value().getDouble(0), 1e-6);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerChecks.assertGradientsMatchFiniteDifferences(layer(2, 3), random(Shape.of(3, 2, 2, 2), 4), 5, 1e-2, 2e-3);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        BatchNormLayer one = layer(5, 1);
        BatchNormLayer two = layer(5, 1);
        FloatNd x = random(Shape.of(4, 5, 7, 6), 3);
        FloatNd gy = random(x.shape(), 4);
        assertBitIdentical(one.forward(x, Pass.train(1, 0)), two.forward(x, Pass.train(2, 0)), "y");
        assertBitIdentical(one.backward(gy), two.backward(gy), "gx");
        for (int p = 0; p < 2; p++) {
            assertBitIdentical(one.parameters().get(p).grad(), two.parameters().get(p).grad(), "grad " + p);
            assertBitIdentical(one.buffers().get(p).value(), two.buffers().get(p).value(), "buffer " + p);
        }
        assertBitIdentical(one.forward(x, Pass.eval(1)), two.forward(x, Pass.eval(2)), "eval y");
    }

    @Test
    void trainingOnOneValuePerChannelIsRefused() {
        BatchNormLayer l = new BatchNormLayer(BatchNormSpec.of(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.forward(FloatNd.zeros(Shape.of(1, 3)), Pass.train(1, 0)));
        assertTrue(e.getMessage().contains("[1, 3]"), e.getMessage());
    }

    @Test
    void inputWithTheWrongChannelCountIsRejectedNamingTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormLayer(BatchNormSpec.of(3)).outputShape(Shape.of(2, 4, 5)));
        assertEquals("batch norm expects [N, 3, ...], got [2, 4, 5]", e.getMessage());
    }

    /** Batch norm in double, written from the textbook formulas. */
    private static final class Oracle {
        final double[] y;
        final double[] gx;
        final double[] ggamma;
        final double[] gbeta;
        final double[] mean;
        final double[] var;
        final int m;

        Oracle(FloatNd x, float[] gamma, float[] beta, FloatNd gy) {
            Shape s = x.shape();
            int c = s.dim(1);
            int area = s.size() / (s.dim(0) * c);
            m = s.size() / c;
            mean = new double[c];
            var = new double[c];
            ggamma = new double[c];
            gbeta = new double[c];
            y = new double[s.size()];
            gx = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                mean[(i / area) % c] += x.getDouble(i) / m;
            }
            for (int i = 0; i < s.size(); i++) {
                int k = (i / area) % c;
                var[k] += Math.pow(x.getDouble(i) - mean[k], 2) / m;
            }
            double[] xhat = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                int k = (i / area) % c;
                xhat[i] = (x.getDouble(i) - mean[k]) / Math.sqrt(var[k] + 1e-5);
                y[i] = gamma[k] * xhat[i] + beta[k];
                ggamma[k] += gy.getDouble(i) * xhat[i];
                gbeta[k] += gy.getDouble(i);
            }
            for (int i = 0; i < s.size(); i++) {
                int k = (i / area) % c;
                gx[i] = gamma[k] / Math.sqrt(var[k] + 1e-5)
                        * (gy.getDouble(i) - gbeta[k] / m - xhat[i] * ggamma[k] / m);
            }
        }
    }
}
