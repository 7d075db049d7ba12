package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** Shared helpers of the convolution layer tests: random tensors, parameter filling, comparison. */
final class ConvChecks {
    private ConvChecks() {
    }

    static float[] random(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }

    static FloatNd random(SplittableRandom rnd, int... dims) {
        Shape s = Shape.of(dims);
        return FloatNd.of(s, random(rnd, s.size()));
    }

    /** Fills every parameter of {@code layer} with random values. */
    static void randomise(Layer layer, SplittableRandom rnd) {
        for (Parameter p : layer.parameters()) {
            float[] v = random(rnd, p.size());
            System.arraycopy(v, 0, p.value().data(), 0, v.length);
        }
    }

    static float[] param(Layer layer, String name) {
        return layer.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
                .value().data();
    }

    static float[] grad(Layer layer, String name) {
        return layer.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
                .grad().data();
    }

    /** {@code |got - want| <= 1e-4 (1 + |want|)} everywhere, failing with the first bad index. */
    static void assertClose(String what, double[] want, float[] got) {
        if (want.length != got.length) {
            fail(what + ": " + got.length + " values, want " + want.length);
        }
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= 1e-4 * (1 + Math.abs(want[i])))) {
                fail(what + "[" + i + "] = " + got[i] + ", want " + want[i]);
            }
        }
    }

    /** Forward and backward of {@code layer} compared with the reference result. */
    static void assertMatches(Layer layer, FloatNd x, FloatNd gy, ConvReference.Result want, int threads) {
        FloatNd y = layer.forward(x, Pass.train(threads, 1));
        assertArrayEquals(want.yShape(), y.shape().dims(), "output shape of " + layer.spec() + " for " + x.shape());
        assertClose("y of " + layer.spec(), want.y(), y.toArray());
        FloatNd gx = layer.backward(gy);
        assertClose("gx of " + layer.spec(), want.gx(), gx.toArray());
        assertClose("gw of " + layer.spec(), want.gw(), grad(layer, "weight"));
        if (layer.parameters().size() > 1) {
            assertClose("gb of " + layer.spec(), want.gb(), grad(layer, "bias"));
        }
    }
}
