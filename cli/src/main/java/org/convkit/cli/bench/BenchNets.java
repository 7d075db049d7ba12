package org.convkit.cli.bench;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/** The networks of the training workloads, exactly as WORKLOADS.md and peers.py define them. */
final class BenchNets {
    private BenchNets() {
    }

    /** LeNet-5: conv 6@5x5 pad 2, ReLU, max-pool 2, conv 16@5x5, ReLU, max-pool 2, FC 120, 84, 10. */
    static SequentialSpec lenet5() {
        return SequentialSpec.of(
                ConvLayerSpec.of(2, 1, 6, 5, Padding.of(2)), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                ConvLayerSpec.of(2, 6, 16, 5, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                new FlattenSpec(), new LinearSpec(400, 120, true), ReluSpec.relu(),
                new LinearSpec(120, 84, true), ReluSpec.relu(), new LinearSpec(84, 10, true));
    }

    /** The EEG net: conv1d 22->40 k25, ReLU, pool 4, conv 40->40 k11, ReLU, pool 4, conv 40->40 k11, ReLU, GAP, FC 4. */
    static SequentialSpec eeg1d() {
        return SequentialSpec.of(
                ConvLayerSpec.of(1, 22, 40, 25, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(1, 4),
                ConvLayerSpec.of(1, 40, 40, 11, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(1, 4),
                ConvLayerSpec.of(1, 40, 40, 11, Padding.valid()), ReluSpec.relu(), new GlobalAvgPoolSpec(),
                new LinearSpec(40, 4, true));
    }

    /** The CT net: conv3d 1->8->16->32 k3 pad 1 with ReLU and max-pool 2 between, GAP, FC 2. */
    static SequentialSpec ct3d() {
        return SequentialSpec.of(
                ConvLayerSpec.of(3, 1, 8, 3, Padding.of(1)), ReluSpec.relu(), PoolLayerSpec.max(3, 2),
                ConvLayerSpec.of(3, 8, 16, 3, Padding.of(1)), ReluSpec.relu(), PoolLayerSpec.max(3, 2),
                ConvLayerSpec.of(3, 16, 32, 3, Padding.of(1)), ReluSpec.relu(), new GlobalAvgPoolSpec(),
                new LinearSpec(32, 2, true));
    }

    /** Standard-normal float32 samples from a fixed seed. */
    static FloatNd normal(Shape s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i += 2) {
            double u = 1 - rnd.nextDouble();
            double v = rnd.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u));
            d[i] = (float) (r * Math.cos(2 * Math.PI * v));
            if (i + 1 < d.length) {
                d[i + 1] = (float) (r * Math.sin(2 * Math.PI * v));
            }
        }
        return FloatNd.of(s, d);
    }

    /** Class labels in {@code [0, classes)} stored as floats, from a fixed seed. */
    static float[] labels(int n, int classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(classes);
        }
        return y;
    }
}
