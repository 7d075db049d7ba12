package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Evaluation passes followed by backward (saliency), and frozen parameters (transfer learning). */
class FrozenAndEvalGradientsTest {

    private static FloatNd random(Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (2 * r.nextDouble() - 1);
        }
        return FloatNd.of(s, d);
    }

    @Test
    void aTrainingPassThatKeepsNothingForBackwardIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pass(true, 1, 0, false));
    }

    @Test
    void dropoutAfterAnEvaluationPassWithGradientsIsTheIdentityBothWays() {
        Layer d = Layers.build(new DropoutSpec(0.5));
        FloatNd x = random(Shape.of(2, 3), 1);
        assertSame(x, d.forward(x, Pass.evalWithGradients(1)));
        FloatNd gy = random(Shape.of(2, 3), 2);
        assertSame(gy, d.backward(gy));
    }

    @Test
    void maxPoolAfterAnEvaluationPassRoutesGradientsAsAfterTraining() {
        FloatNd x = random(Shape.of(1, 2, 6, 6), 3);
        FloatNd gy = random(Shape.of(1, 2, 3, 3), 4);
        Layer a = Layers.build(PoolLayerSpec.max(2, 2));
        Layer b = Layers.build(PoolLayerSpec.max(2, 2));
        a.forward(x, Pass.train(1, 0));
        b.forward(x, Pass.evalWithGradients(1));
        assertArrayEquals(a.backward(gy).toArray(), b.backward(gy).toArray());
    }

    @Test
    void frozenConvolutionWeightGetsNoGradientAndTheInputGradientIsUnchanged() {
        ConvLayerSpec spec = ConvLayerSpec.of(2, 2, 3, 3, Padding.same());
        FloatNd x = random(Shape.of(2, 2, 5, 5), 5);
        FloatNd gy = random(Shape.of(2, 3, 5, 5), 6);
        Layer trained = Layers.build(spec);
        Layer frozen = Layers.build(spec);
        for (int i = 0; i < 2; i++) {
            FloatNd w = random(trained.parameters().get(i).shape(), 7 + i);
            System.arraycopy(w.data(), 0, trained.parameters().get(i).value().data(), 0, w.data().length);
            System.arraycopy(w.data(), 0, frozen.parameters().get(i).value().data(), 0, w.data().length);
        }
        frozen.parameters().get(0).setTrainable(false);
        trained.forward(x, Pass.train(2, 0));
        frozen.forward(x, Pass.train(2, 0));
        assertArrayEquals(trained.backward(gy).toArray(), frozen.backward(gy).toArray());
        assertArrayEquals(new float[frozen.parameters().get(0).size()], frozen.parameters().get(0).grad().toArray());
        assertArrayEquals(trained.parameters().get(1).grad().toArray(), frozen.parameters().get(1).grad().toArray());
    }

    @Test
    void frozenLinearLayerGetsNoGradientsAndPassesTheInputGradient() {
        Layer trained = Layers.build(new LinearSpec(4, 3, true));
        Layer frozen = Layers.build(new LinearSpec(4, 3, true));
        FloatNd w = random(Shape.of(3, 4), 1);
        System.arraycopy(w.data(), 0, trained.parameters().get(0).value().data(), 0, 12);
        System.arraycopy(w.data(), 0, frozen.parameters().get(0).value().data(), 0, 12);
        frozen.parameters().forEach(p -> p.setTrainable(false));
        FloatNd x = random(Shape.of(2, 4), 2);
        FloatNd gy = random(Shape.of(2, 3), 3);
        trained.forward(x, Pass.train(1, 0));
        frozen.forward(x, Pass.train(1, 0));
        assertArrayEquals(trained.backward(gy).toArray(), frozen.backward(gy).toArray());
        frozen.parameters().forEach(p -> assertArrayEquals(new float[p.size()], p.grad().toArray()));
    }
}
