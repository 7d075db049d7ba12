package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class SequentialBackwardParametersTest {

    private static Model trained(FloatNd x, FloatNd gy, boolean parametersOnly) {
        Model m = Model.build(SequentialSpec.of(ReluSpec.relu(), ConvLayerSpec.of(1, 3, 5, 4, Padding.of(1)),
                ReluSpec.relu(), new FlattenSpec(), new LinearSpec(5 * 11, 3, true)));
        Init.initialise(m, 9L, Init.Scheme.PYTORCH_DEFAULT);
        m.forward(x, Pass.train(2, 3));
        if (parametersOnly) {
            m.backwardParameters(gy);
        } else {
            m.backward(gy);
        }
        return m;
    }

    @Test
    void parameterGradientsAreBitIdenticalToThoseOfAFullBackwardPass() {
        SplittableRandom rnd = new SplittableRandom(5);
        FloatNd x = FloatNd.of(Shape.of(4, 3, 12), ConvChecks.random(rnd, 4 * 3 * 12));
        FloatNd gy = FloatNd.of(Shape.of(4, 3), ConvChecks.random(rnd, 12));
        Map<String, Parameter> full = trained(x, gy, false).parameters();
        Map<String, Parameter> only = trained(x, gy, true).parameters();
        for (String name : full.keySet()) {
            assertArrayEquals(full.get(name).grad().data(), only.get(name).grad().data(), name);
        }
    }
}
