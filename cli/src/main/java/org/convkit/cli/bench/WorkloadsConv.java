package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayer;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;

/** The convolution-layer workload of {@code convkit bench} (WORKLOADS.md). */
final class WorkloadsConv {
    private static final long SEED = 20261127L;

    private WorkloadsConv() {
    }

    static List<Workload> all() {
        return List.of(new Conv2dLayer());
    }

    /** One conv2d layer forward in evaluation mode: batch 32, 64 -> 64 channels, 3x3, pad 1, 56x56. */
    private record Conv2dLayer() implements Workload {
        private static final int BATCH = 32;
        private static final int CHANNELS = 64;
        private static final int SIZE = 56;

        @Override
        public String id() {
            return "conv2d-layer";
        }

        @Override
        public Runnable prepare(int threads) {
            SplittableRandom rnd = new SplittableRandom(SEED);
            ConvLayer layer = new ConvLayer(ConvLayerSpec.of(2, CHANNELS, CHANNELS, 3, Padding.of(1)));
            for (Parameter p : layer.parameters()) {
                fill(p.value().data(), rnd);
            }
            float[] x = new float[BATCH * CHANNELS * SIZE * SIZE];
            fill(x, rnd);
            FloatNd input = FloatNd.of(Shape.of(BATCH, CHANNELS, SIZE, SIZE), x);
            Pass pass = Pass.eval(threads);
            return () -> layer.forward(input, pass);
        }

        @Override
        public double flops() {
            return 2.0 * BATCH * CHANNELS * CHANNELS * 9 * SIZE * SIZE;
        }

        private static void fill(float[] v, SplittableRandom rnd) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextDouble(-1, 1);
            }
        }
    }
}
