package org.convkit.cli.bench;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Optimizer;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.nn.SgdConfig;
import org.convkit.api.nn.SoftmaxCrossEntropy;

/**
 * The network training and inference workloads of WORKLOADS.md ({@code peers.py cnn}): one epoch
 * over seeded random data with SGD (lr 0.01, momentum 0.9) and cross-entropy, or inference in
 * batches of 256, timed per run.
 */
final class WorkloadsTrain {
    private WorkloadsTrain() {
    }

    static List<Workload> all() {
        return List.<Workload>of(
                new Net("lenet-train", BenchNets.lenet5(), Shape.of(10_000, 1, 28, 28), 10, 64, true),
                new Net("lenet-infer", BenchNets.lenet5(), Shape.of(10_000, 1, 28, 28), 10, 256, false),
                new Net("eeg1d-train", BenchNets.eeg1d(), Shape.of(2_000, 22, 1_000), 4, 32, true),
                new Net("eeg1d-infer", BenchNets.eeg1d(), Shape.of(2_000, 22, 1_000), 4, 256, false),
                new Net("ct3d-train", BenchNets.ct3d(), Shape.of(128, 1, 64, 64, 64), 2, 8, true),
                new Net("ct3d-infer", BenchNets.ct3d(), Shape.of(128, 1, 64, 64, 64), 2, 256, false),
                new MnistLenet());
    }

    /** One network over a seeded random data set, trained for an epoch or run for inference. */
    private record Net(String id, SequentialSpec spec, Shape data, int classes, int batch, boolean train)
            implements Workload {

        @Override
        public Runnable prepare(int threads) {
            FloatNd x = BenchNets.normal(data, 1L);
            float[] y = BenchNets.labels(data.dim(0), classes, 2L);
            Model model = Model.build(spec);
            Init.initialise(model, 0L, Init.Scheme.PYTORCH_DEFAULT);
            if (!train) {
                return () -> {
                    for (int i = 0; i < data.dim(0); i += batch) {
                        model.forward(slice(x, i, batch), Pass.eval(threads));
                    }
                };
            }
            Optimizer opt = new SgdConfig(0.01, 0.9, false, 0).build(List.copyOf(model.parameters().values()));
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            return () -> {
                for (int i = 0; i < data.dim(0); i += batch) {
                    FloatNd xb = slice(x, i, batch);
                    int n = xb.shape().dim(0);
                    opt.zeroGrad();
                    FloatNd out = model.forward(xb, Pass.train(threads, i));
                    loss.forward(out, new FloatNd(y, i, Shape.of(n)));
                    model.backwardParameters(loss.backward());
                    opt.step();
                }
            };
        }

        @Override
        public long samples() {
            return data.dim(0);
        }
    }

    /** Items {@code [from, from + batch)} of {@code x} (fewer at the end), as a view. */
    static FloatNd slice(FloatNd x, int from, int batch) {
        int n = Math.min(batch, x.shape().dim(0) - from);
        Shape s = x.shape().dropFirst().prepend(n);
        return new FloatNd(x.data(), x.offset() + from * (x.shape().size() / x.shape().dim(0)), s);
    }
}
