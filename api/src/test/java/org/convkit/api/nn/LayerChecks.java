package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** Shared checks for the layer tests: random tensors, oracle comparison, finite differences. */
final class LayerChecks {
    private LayerChecks() {
    }

    /** Uniform values in [-1, 1) from a fixed seed. */
    static FloatNd random(Shape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return FloatNd.of(shape, v);
    }

    /** {@code x} stored at offset 3 of a larger array, to check that layers honour offsets. */
    static FloatNd offsetCopy(FloatNd x) {
        float[] d = new float[x.shape().size() + 5];
        System.arraycopy(x.data(), x.offset(), d, 3, x.shape().size());
        return new FloatNd(d, 3, x.shape());
    }

    static void assertClose(double[] want, FloatNd got, double tol, String what) {
        assertEquals(want.length, got.shape().size(), what + ": size");
        for (int i = 0; i < want.length; i++) {
            double g = got.getDouble(i);
            assertTrue(Math.abs(g - want[i]) <= tol * (1 + Math.abs(want[i])),
                    what + " [" + i + "]: want " + want[i] + ", got " + g);
        }
    }

    static void assertBitIdentical(FloatNd a, FloatNd b, String what) {
        assertEquals(a.shape(), b.shape(), what + ": shape");
        assertArrayEquals(a.toArray(), b.toArray(), 0f, what);
    }

    /** {@code sum(y * gy)} in double: the loss whose gradient with respect to y is {@code gy}. */
    static double loss(FloatNd y, FloatNd gy) {
        double s = 0;
        for (int i = 0; i < y.shape().size(); i++) {
            s += y.getDouble(i) * gy.getDouble(i);
        }
        return s;
    }

    /**
     * Checks {@code backward}'s input gradient and every parameter gradient against central
     * differences of {@code sum(forward(x) * gy)} with step {@code h}.
     */
    static void assertGradientsMatchFiniteDifferences(Layer layer, FloatNd x, long seed, double h, double tol) {
        Pass pass = Pass.train(1, 42);
        FloatNd y = layer.forward(x, pass);
        FloatNd gy = random(y.shape(), seed);
        layer.parameters().forEach(Parameter::zeroGrad);
        FloatNd gx = layer.backward(gy);
        float[] xs = x.copy().data();
        for (int i = 0; i < xs.length; i++) {
            double numeric = centralDifference(layer, xs, i, x.shape(), gy, h, pass);
            assertTrue(Math.abs(numeric - gx.getDouble(i)) <= tol * (1 + Math.abs(numeric)),
                    "d/dx[" + i + "]: finite difference " + numeric + ", backward " + gx.getDouble(i));
        }
        for (Parameter p : layer.parameters()) {
            float[] v = p.value().data();
            for (int i = 0; i < v.length; i++) {
                float keep = v[i];
                float plus = (float) (keep + h);
                float minus = (float) (keep - h);
                v[i] = plus;
                double up = loss(layer.forward(x, pass), gy);
                v[i] = minus;
                double down = loss(layer.forward(x, pass), gy);
                v[i] = keep;
                double numeric = (up - down) / ((double) plus - minus);
                assertTrue(Math.abs(numeric - p.grad().getDouble(i)) <= tol * (1 + Math.abs(numeric)),
                        "d/d" + p.name() + "[" + i + "]: finite difference " + numeric + ", backward " + p.grad().getDouble(i));
            }
        }
    }

    private static double centralDifference(Layer layer, float[] xs, int i, Shape shape, FloatNd gy, double h, Pass pass) {
        float keep = xs[i];
        float plus = (float) (keep + h);
        float minus = (float) (keep - h);
        xs[i] = plus;
        double up = loss(layer.forward(FloatNd.of(shape, xs.clone()), pass), gy);
        xs[i] = minus;
        double down = loss(layer.forward(FloatNd.of(shape, xs.clone()), pass), gy);
        xs[i] = keep;
        return (up - down) / ((double) plus - minus);
    }
}
