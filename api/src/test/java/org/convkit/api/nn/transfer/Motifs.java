package org.convkit.api.nn.transfer;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.nn.train.Dataset;

/**
 * A seeded synthetic 1-d task: signals {@code [1, 32]} of Gaussian noise holding one of four motifs
 * (a bump, a step up, a spike pair, a ramp) at a random place; the class is the motif.
 */
final class Motifs {
    static final int LENGTH = 32;

    private Motifs() {
    }

    /** {@code n} signals whose motifs are {@code kinds[label]}, labels cycling through the kinds. */
    static Dataset of(int n, int[] kinds, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * LENGTH];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % kinds.length;
            int at = r.nextInt(LENGTH - 8);
            for (int t = 0; t < LENGTH; t++) {
                x[i * LENGTH + t] = (float) (0.3 * gaussian(r));
            }
            for (int t = 0; t < 8; t++) {
                x[i * LENGTH + at + t] += motif(kinds[y[i]], t);
            }
        }
        return new Dataset(FloatNd.of(Shape.of(n, 1, LENGTH), x), y, Dataset.indexNames(kinds.length));
    }

    private static float motif(int kind, int t) {
        switch (kind) {
            case 0:
                return (float) Math.sin(Math.PI * t / 7.0);
            case 1:
                return t < 4 ? -0.7f : 0.7f;
            case 2:
                return t == 2 || t == 5 ? 1.5f : 0f;
            default:
                return (t - 3.5f) / 3.5f;
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** conv(1->8, k5) relu pool conv(8->8, k5) relu global-average linear(8->classes), seeded. */
    static Model model(int classes, long seed) {
        Model m = Model.build(new SequentialSpec(java.util.List.of(
                new NamedLayer("conv1", ConvLayerSpec.of(1, 1, 8, 5, Padding.same())),
                new NamedLayer("relu1", ReluSpec.relu()),
                new NamedLayer("pool1", PoolLayerSpec.max(1, 2)),
                new NamedLayer("conv2", ConvLayerSpec.of(1, 8, 8, 5, Padding.same())),
                new NamedLayer("relu2", ReluSpec.relu()),
                new NamedLayer("gap", new GlobalAvgPoolSpec()),
                new NamedLayer("fc", new LinearSpec(8, classes, true)))));
        Init.initialise(m, seed, Init.Scheme.KAIMING_UNIFORM);
        return m;
    }
}
