package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.Evaluation;
import org.convkit.api.nn.train.TrainingListener;
import org.convkit.api.signal.FilterChain;
import org.convkit.cli.plot.ConfusionPlot;
import org.convkit.cli.plot.ImagePlot;
import org.convkit.cli.plot.SlicesPlot;
import org.convkit.cli.plot.TrainingCurves;

/**
 * The demo, for any domain: example synthetic files; for recordings, the seed's smoothing (moving
 * average of 10) and the domain's preprocessing on one recording, plotted before and after; a
 * training set and a held-out test set from different seeds ({@link DemoData}); the domain's
 * default network trained with Adam; the held-out accuracy and confusion matrix; and plots of it
 * all in one folder. Steps are reported through {@code log}, one line each.
 */
public final class Demo {

    /**
     * How big the demo is; {@link #forDomain} keeps it under a minute on two cores.
     *
     * @param perClass     synthetic files per class for training
     * @param testPerClass synthetic files per class for the held-out test
     * @param maxTrain     the most training samples used
     * @param epochs       epochs of Adam
     * @param batch        batch size
     * @param learningRate Adam's rate
     */
    public record Size(int perClass, int testPerClass, int maxTrain, int epochs, int batch, double learningRate) {
        public Size {
            if (perClass < 1 || testPerClass < 1 || maxTrain < 2 || epochs < 1 || batch < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("demo size needs positive counts and rate, got " + perClass + ", "
                        + testPerClass + ", " + maxTrain + ", " + epochs + ", " + batch + ", " + learningRate);
            }
        }

        /** Training-set budget in sample elements: about 8 million keeps every default network under a minute. */
        static final long ELEMENT_BUDGET = 8_000_000L;

        /**
         * The size for {@code domain}: epochs and batch by rank (1-d is cheap per sample, volumes
         * costly), and at most {@link #ELEMENT_BUDGET} elements of training samples (64 to 2,000
         * samples), since a network's cost grows with its input.
         */
        public static Size forDomain(Domain domain) {
            long elements = Math.max(1, domain.sampleShape().size());
            int maxTrain = (int) Math.max(64, Math.min(2000, ELEMENT_BUDGET / elements));
            if (domain.name().equals("image")) {
                // the bundled MNIST subset: 2,000 digits learn well in a few epochs
                return new Size(1, 1, 2000, 6, 32, 1e-3);
            }
            // Adam 3e-3 and these sizes are what the domain plugins' own training tests measured
            return switch (domain.rank()) {
                case 1 -> new Size(24, 10, maxTrain, 12, 32, 3e-3);
                case 2 -> new Size(60, 15, maxTrain, 10, 16, 3e-3);
                default -> new Size(60, 15, maxTrain, 10, 8, 3e-3);
            };
        }

        public Size withEpochs(int e) {
            return new Size(perClass, testPerClass, maxTrain, e, batch, learningRate);
        }
    }

    /**
     * What the demo produced.
     *
     * @param training the training run
     * @param test     the held-out scores
     * @param data     the data used
     * @param files    the example files written
     * @param plots    the plots written
     * @param model    the model file written
     */
    public record Result(TrainingRun.Outcome training, Evaluation test, DemoData data, List<Path> files, List<Path> plots,
            Path model) {
    }

    private Demo() {
    }

    /** Runs the demo of {@code domain} into the folder {@code out} (created if needed). */
    public static Result run(Domain domain, Path out, Size size, long seed, int threads, String version,
            TrainingListener listener, Consumer<String> log) throws IOException {
        Files.createDirectories(out);
        List<Path> plots = new ArrayList<>();
        List<Path> files = exampleFiles(domain, out.resolve("files"), seed);
        log.accept("example files: " + files.size() + " synthetic " + domain.name() + " files (one per class "
                + domain.syntheticClasses() + ") in " + out.resolve("files"));
        DataFile example = domain.syntheticFile(0, seed);
        FilterChain chain = RecordedPreprocessing.forMetadata(domain, example.metadata());
        if (DemoSignals.isRecording(domain, example)) {
            plots.addAll(DemoSignals.smooth(example, chain, out, threads, log));
        }
        DemoData data = DemoData.of(domain, size.perClass(), size.testPerClass(), size.maxTrain(), seed);
        log.accept(String.format(Locale.ROOT, "data: %d training samples and %d held-out test samples of shape %s, %s",
                data.train().size(), data.test().size(), data.train().sampleShape(), data.note()));
        log.accept(String.format(Locale.ROOT, "training the %s default network with Adam (lr %s, batch %d, %d epochs)",
                domain.name(), Double.toString(size.learningRate()), size.batch(), size.epochs()));
        TrainingPlan plan = TrainingPlan.adam(size.epochs(), size.batch(), size.learningRate(), seed, threads);
        Path model = out.resolve("model.ckpt");
        TrainingRun.Outcome o = TrainingRun.run(domain, data.train(), plan, model, chain, data.note(), version,
                listener);
        // the demo's model is final: its per-epoch checkpoint would only confuse a reader of the folder
        Files.deleteIfExists(o.checkpoint());
        Evaluation test = Scoring.evaluate(new LoadedModel(o.model(), o.metadata()), data.test(), 256, threads);
        Path curves = out.resolve("training-curves.png");
        TrainingCurves.write(curves, o.result().history());
        plots.add(curves);
        Path confusion = out.resolve("confusion.png");
        ConfusionPlot.write(confusion, test.confusion(), test.classNames(), String.format(Locale.ROOT,
                "Held-out test set: accuracy %.3f", test.accuracy()));
        plots.add(confusion);
        Path sample = samplePlot(domain, data.test(), out);
        if (sample != null) {
            plots.add(sample);
        }
        return new Result(o, test, data, files, plots, model);
    }

    /** One synthetic file per class in the domain's first writable format. */
    private static List<Path> exampleFiles(Domain domain, Path dir, long seed) throws IOException {
        FileFormat writer = domain.formats().stream().filter(FileFormat::canWrite).findFirst().orElse(null);
        List<Path> written = new ArrayList<>();
        if (writer == null) {
            return written;
        }
        Files.createDirectories(dir);
        List<String> classes = domain.syntheticClasses();
        for (int c = 0; c < classes.size(); c++) {
            Path f = dir.resolve(classes.get(c) + "." + writer.extensions().get(0));
            writer.write(domain.syntheticFile(c, seed + c), f);
            written.add(f);
        }
        return written;
    }

    /** An image (rank 2) or the slices of a volume (rank 3) of the first test sample's first channel. */
    private static Path samplePlot(Domain domain, Dataset test, Path out) throws IOException {
        int rank = test.sampleShape().rank() - 1;
        if (rank < 2) {
            return null;
        }
        FloatNd x = test.batch(new int[] {0}).x();
        String what = domain.name() + " sample of class '" + test.classNames().get(test.label(0)) + "'";
        int[] d = TrainingRun.dims(test.sampleShape());
        if (rank == 2) {
            double[][] img = new double[d[1]][d[2]];
            for (int r = 0; r < d[1]; r++) {
                for (int c = 0; c < d[2]; c++) {
                    img[r][c] = x.getDouble(r * d[2] + c);
                }
            }
            Path p = out.resolve("sample.png");
            ImagePlot.write(p, what, img);
            return p;
        }
        double[][][] vol = new double[d[1]][d[2]][d[3]];
        for (int z = 0; z < d[1]; z++) {
            for (int r = 0; r < d[2]; r++) {
                for (int c = 0; c < d[3]; c++) {
                    vol[z][r][c] = x.getDouble((z * d[2] + r) * d[3] + c);
                }
            }
        }
        Path p = out.resolve("sample-slices.png");
        SlicesPlot.write(p, what, vol);
        return p;
    }
}
