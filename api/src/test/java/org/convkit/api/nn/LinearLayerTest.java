package org.convkit.api.nn;

import static org.convkit.api.nn.LayerChecks.assertBitIdentical;
import static org.convkit.api.nn.LayerChecks.assertClose;
import static org.convkit.api.nn.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class LinearLayerTest {

    private static LinearLayer layer(int in, int out, boolean bias, long seed) {
        LinearLayer l = new LinearLayer(new LinearSpec(in, out, bias));
        for (Parameter p : l.parameters()) {
            System.arraycopy(random(p.shape(), seed++).data(), 0, p.value().data(), 0, p.size());
        }
        return l;
    }

    @Test
    void parametersAreWeightOutByInThenBias() {
        List<Parameter> ps = new LinearLayer(new LinearSpec(4, 3, true)).parameters();
        assertEquals(List.of("weight", "bias"), ps.stream().map(Parameter::name).toList());
        assertEquals(Shape.of(3, 4), ps.get(0).shape());
        assertEquals(Shape.of(3), ps.get(1).shape());
        assertEquals(1, new LinearLayer(new LinearSpec(4, 3, false)).parameters().size());
    }

    @Test
    void forwardAndBackwardMatchTheDoubleOracle() {
        int n = 3;
        int in = 5;
        int out = 4;
        LinearLayer l = layer(in, out, true, 1);
        float[] w = l.parameters().get(0).value().data();
        float[] b = l.parameters().get(1).value().data();
        FloatNd x = LayerChecks.offsetCopy(random(Shape.of(n, in), 10));
        FloatNd gy = random(Shape.of(n, out), 11);
        double[] y = new double[n * out];
        double[] gx = new double[n * in];
        double[] gw = new double[out * in];
        double[] gb = new double[out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                y[i * out + j] = b[j];
                gb[j] += gy.getDouble(i * out + j);
                for (int p = 0; p < in; p++) {
                    y[i * out + j] += x.getDouble(i * in + p) * w[j * in + p];
                    gx[i * in + p] += gy.getDouble(i * out + j) * w[j * in + p];
                    gw[j * in + p] += gy.getDouble(i * out + j) * x.getDouble(i * in + p);
                }
            }
        }
        assertClose(y, l.forward(x, Pass.train(1, 0)), 1e-6, "y");
        assertClose(gx, l.backward(gy), 1e-6, "gx");
        assertClose(gw, l.parameters().get(0).grad(), 1e-6, "gw");
        assertClose(gb, l.parameters().get(1).grad(), 1e-6, "gb");
    }

    @Test
    void backwardAddsIntoExistingParameterGradients() {
        LinearLayer l = layer(3, 2, true, 1);
        FloatNd x = random(Shape.of(2, 3), 5);
        FloatNd gy = random(Shape.of(2, 2), 6);
        l.forward(x, Pass.train(1, 0));
        l.backward(gy);
        float[] once = l.parameters().get(0).grad().toArray();
        l.backward(gy);
        float[] twice = l.parameters().get(0).grad().toArray();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-6f);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerChecks.assertGradientsMatchFiniteDifferences(layer(4, 3, true, 1), random(Shape.of(2, 4), 7), 8, 1e-2, 1e-3);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        LinearLayer one = layer(37, 19, true, 1);
        LinearLayer two = layer(37, 19, true, 1);
        FloatNd x = random(Shape.of(9, 37), 3);
        FloatNd gy = random(Shape.of(9, 19), 4);
        assertBitIdentical(one.forward(x, Pass.train(1, 0)), two.forward(x, Pass.train(2, 0)), "y");
        assertBitIdentical(one.backward(gy), two.backward(gy), "gx");
        for (int p = 0; p < 2; p++) {
            assertBitIdentical(one.parameters().get(p).grad(), two.parameters().get(p).grad(), "grad " + p);
        }
    }

    @Test
    void inputOfTheWrongShapeIsRejectedNamingBothShapes() {
        LinearLayer l = new LinearLayer(new LinearSpec(400, 120, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.forward(FloatNd.zeros(Shape.of(64, 16, 5, 5)), Pass.eval(1)));
        assertEquals("linear expects [N, 400], got [64, 16, 5, 5]", e.getMessage());
    }
}
