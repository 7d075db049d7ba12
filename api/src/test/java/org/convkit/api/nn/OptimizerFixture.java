package org.convkit.api.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** Two small parameters and a reproducible gradient per step, shared by the optimiser tests. */
final class OptimizerFixture {
    private OptimizerFixture() {
    }

    static List<Parameter> params(long seed) {
        return List.of(new Parameter("weight", SoftmaxCrossEntropyTest.random(Shape.of(3, 2), seed, 1)),
                new Parameter("bias", SoftmaxCrossEntropyTest.random(Shape.of(3), seed + 1, 1)));
    }

    /** Sets each gradient to {@code 0.5 p + noise(step)}: depends on the weights, like a real loss. */
    static void gradients(List<Parameter> ps, int step) {
        SplittableRandom r = new SplittableRandom(1000 + step);
        for (Parameter p : ps) {
            float[] g = p.grad().data();
            float[] w = p.value().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (0.5 * w[i] + (2 * r.nextDouble() - 1));
            }
        }
    }

    /** Runs {@code steps} steps from the current state, starting the gradient sequence at {@code first}. */
    static void train(Optimizer opt, List<Parameter> ps, int first, int steps) {
        for (int s = first; s < first + steps; s++) {
            opt.zeroGrad();
            gradients(ps, s);
            opt.step();
        }
    }

    static double[] toDouble(FloatNd x) {
        double[] d = new double[x.shape().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = x.getDouble(i);
        }
        return d;
    }
}
