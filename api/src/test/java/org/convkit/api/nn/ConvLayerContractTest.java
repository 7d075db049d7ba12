package org.convkit.api.nn;

import static org.convkit.api.nn.ConvChecks.random;
import static org.convkit.api.nn.ConvChecks.randomise;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Shapes, errors, parameters and finite-difference gradients of the convolution layers. */
class ConvLayerContractTest {

    @Test
    void channelMismatchNamesTheShapes() {
        ConvLayer layer = new ConvLayer(ConvLayerSpec.of(2, 3, 8, 3, Padding.same()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(FloatNd.zeros(Shape.of(2, 4, 8, 8)), Pass.eval(1)));
        assertTrue(e.getMessage().contains(Shape.of(2, 4, 8, 8).toString()) && e.getMessage().contains("3 channels"),
                e.getMessage());
    }

    @Test
    void kernelLargerThanPaddedInputNamesTheSizes() {
        ConvLayer layer = new ConvLayer(new ConvLayerSpec(2, 1, 1, new int[] {7, 3}, new int[] {1}, Padding.valid(),
                new int[] {1}, 1, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.outputShape(Shape.of(1, 1, 6, 6)));
        assertTrue(e.getMessage().contains("(7 x 3)") && e.getMessage().contains("(6 x 6)"), e.getMessage());
    }

    @Test
    void wrongRankIsRejected() {
        ConvTransposeLayer layer = new ConvTransposeLayer(ConvTransposeLayerSpec.upsample(2, 2, 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.outputShape(Shape.of(1, 2, 4)));
        assertTrue(e.getMessage().contains(Shape.of(1, 2, 4).toString()), e.getMessage());
    }

    @Test
    void backwardWithoutTrainingForwardFails() {
        ConvLayer layer = new ConvLayer(ConvLayerSpec.of(1, 1, 1, 3, Padding.same()));
        layer.forward(FloatNd.zeros(Shape.of(1, 1, 5)), Pass.eval(1));
        assertThrows(IllegalStateException.class, () -> layer.backward(FloatNd.zeros(Shape.of(1, 1, 5))));
    }

    @Test
    void parametersAreWeightThenBiasWithTorchShapes() {
        List<Parameter> conv = new ConvLayer(new ConvLayerSpec(2, 4, 6, new int[] {3, 2}, new int[] {1},
                Padding.valid(), new int[] {1}, 2, true)).parameters();
        assertEquals(List.of("weight", "bias"), conv.stream().map(Parameter::name).toList());
        assertEquals(Shape.of(6, 2, 3, 2), conv.get(0).shape());
        List<Parameter> tr = new ConvTransposeLayer(new ConvTransposeLayerSpec(1, 4, 6, new int[] {3}, new int[] {1},
                new int[] {0}, new int[] {0}, new int[] {1}, 2, false)).parameters();
        assertEquals(List.of("weight"), tr.stream().map(Parameter::name).toList());
        assertEquals(Shape.of(4, 3, 3), tr.get(0).shape());
    }

    @Test
    void layersBuildsBothConvolutionKinds() {
        assertTrue(Layers.build(ConvLayerSpec.of(1, 1, 1, 3, Padding.same())) instanceof ConvLayer);
        assertTrue(Layers.build(ConvTransposeLayerSpec.upsample(1, 1, 1, 2)) instanceof ConvTransposeLayer);
    }

    @Test
    void inputViewsWithAnOffsetGiveTheSameResultsAsCopies() {
        SplittableRandom rnd = new SplittableRandom(12);
        FloatNd whole = random(rnd, 2, 2, 3, 6, 5);
        FloatNd view = whole.slice(1);
        FloatNd gy = random(rnd, 2, 4, 6, 5);
        for (Layer layer : List.of(new ConvLayer(ConvLayerSpec.of(2, 3, 4, 3, Padding.same())),
                new ConvTransposeLayer(new ConvTransposeLayerSpec(2, 3, 4, new int[] {3}, new int[] {1},
                        new int[] {1}, new int[] {0}, new int[] {1}, 1, true)))) {
            randomise(layer, rnd);
            float[] y1 = layer.forward(view, Pass.train(1, 0)).toArray();
            float[] gx1 = layer.backward(gy).toArray();
            float[] y2 = layer.forward(view.copy(), Pass.train(1, 0)).toArray();
            float[] gx2 = layer.backward(FloatNd.of(gy.shape(), gy.toArray())).toArray();
            assertArrayEquals(y2, y1);
            assertArrayEquals(gx2, gx1);
        }
    }

    @Test
    void convGradientsMatchFiniteDifferences() {
        checkFiniteDifferences(new ConvLayer(new ConvLayerSpec(2, 2, 2, new int[] {2, 3}, new int[] {2, 1},
                Padding.of(1), new int[] {1, 2}, 1, true)), Shape.of(2, 2, 4, 5));
    }

    @Test
    void convTransposeGradientsMatchFiniteDifferences() {
        checkFiniteDifferences(new ConvTransposeLayer(new ConvTransposeLayerSpec(1, 2, 2, new int[] {3},
                new int[] {2}, new int[] {1}, new int[] {1}, new int[] {1}, 2, true)), Shape.of(2, 2, 4));
    }

    /** Central differences of {@code L = sum(y * gy)} with respect to every input and parameter value. */
    private static void checkFiniteDifferences(Layer layer, Shape xShape) {
        SplittableRandom rnd = new SplittableRandom(11);
        randomise(layer, rnd);
        FloatNd x = random(rnd, xShape.dims());
        FloatNd gy = random(rnd, layer.outputShape(xShape).dims());
        layer.forward(x, Pass.train(1, 0));
        float[] gx = layer.backward(gy).toArray();
        float h = 1e-2f;
        for (int i = 0; i < gx.length; i++) {
            float v = x.data()[i];
            x.data()[i] = v + h;
            double up = loss(layer, x, gy);
            x.data()[i] = v - h;
            double down = loss(layer, x, gy);
            x.data()[i] = v;
            assertEquals((up - down) / (2 * h), gx[i], 2e-3, "gx[" + i + "]");
        }
        for (Parameter p : layer.parameters()) {
            float[] v = p.value().data();
            for (int i = 0; i < v.length; i++) {
                float old = v[i];
                v[i] = old + h;
                double up = loss(layer, x, gy);
                v[i] = old - h;
                double down = loss(layer, x, gy);
                v[i] = old;
                assertEquals((up - down) / (2 * h), p.grad().data()[i], 2e-3, p.name() + "[" + i + "]");
            }
        }
    }

    private static double loss(Layer layer, FloatNd x, FloatNd gy) {
        float[] y = layer.forward(x, Pass.eval(1)).toArray();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (double) y[i] * gy.data()[i];
        }
        return s;
    }
}
