package org.convkit.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Evaluator;
import org.convkit.api.nn.train.IdxFolder;
import org.convkit.api.nn.train.Trainer;
import org.convkit.api.nn.train.TrainerConfig;

/**
 * {@code mnist-lenet}: LeNet-5 trained on an IDX folder ({@code --data}) with Adam 1e-3, batch 64,
 * 10 epochs, as {@code mnist_torch.py}; one timed run (data loading excluded), reporting the test
 * accuracy.
 */
final class MnistLenet implements Workload {
    private volatile double accuracy = Double.NaN;

    @Override
    public String id() {
        return "mnist-lenet";
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public boolean once() {
        return true;
    }

    @Override
    public Runnable prepare(int threads) {
        throw new IllegalStateException("mnist-lenet needs --data DIR");
    }

    @Override
    public Runnable prepare(int threads, Path data) {
        IdxFolder folder;
        try {
            folder = IdxFolder.load(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> {
            Model model = Model.build(BenchNets.lenet5());
            Init.initialise(model, 0L, Init.Scheme.PYTORCH_DEFAULT);
            var opt = AdamConfig.of(1e-3).build(List.copyOf(model.parameters().values()));
            TrainerConfig config = TrainerConfig.of(10, 64, 0L).withThreads(threads);
            new Trainer(config, model, new SoftmaxCrossEntropy(), opt).fit(folder.train());
            accuracy = Evaluator.evaluate(model, folder.test(), 256, threads).accuracy();
        };
    }

    @Override
    public double accuracy() {
        return accuracy;
    }
}
