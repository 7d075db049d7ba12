package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.Domain;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Checkpoint;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.Optimizer;
import org.convkit.api.nn.Optimizers;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.EarlyStopping;
import org.convkit.api.nn.train.Evaluation;
import org.convkit.api.nn.train.Evaluator;
import org.convkit.api.nn.train.Trainer;
import org.convkit.api.nn.train.TrainerConfig;
import org.convkit.api.nn.train.TrainingListener;
import org.convkit.api.nn.train.TrainingResult;
import org.convkit.api.signal.FilterChain;

/**
 * Trains a classifier on a data set of a domain and writes the model file: split (seeded,
 * stratified), network from {@link Networks} (or the checkpoint being resumed), initialisation from
 * the seed, the {@link Trainer} with a checkpoint after every epoch next to the model
 * ({@link #checkpointFor}), then the model file with its metadata (class names, input shape, the
 * domain's preprocessing chain, provenance naming the domain) and the validation scores.
 */
public final class TrainingRun {

    /**
     * What a run produced.
     *
     * @param result      the epochs' history and the best epoch
     * @param model       the trained model (the best epoch's weights under early stopping)
     * @param metadata    what the model file records
     * @param train       samples trained on
     * @param validation  the validation set (possibly empty)
     * @param scores      the validation scores, or null without a validation set
     * @param checkpoint  the per-epoch checkpoint file
     * @param seconds     wall time of training and scoring
     */
    public record Outcome(TrainingResult result, Model model, ModelMetadata metadata, int train, Dataset validation,
            Evaluation scores, Path checkpoint, double seconds) {
    }

    private TrainingRun() {
    }

    /** The checkpoint rewritten after every epoch: {@code <model>.partial} beside the model file. */
    public static Path checkpointFor(Path model) {
        return model.resolveSibling(model.getFileName() + ".partial");
    }

    /**
     * Trains and writes {@code modelFile}.
     *
     * @param preprocessing the chain recorded in the model file (the domain's, applied by its samples), or null
     * @param dataNote      where the data came from, for the provenance
     * @param version       the convkit version, for the provenance
     */
    public static Outcome run(Domain domain, Dataset data, TrainingPlan plan, Path modelFile, FilterChain preprocessing,
            String dataNote, String version, TrainingListener listener) throws IOException {
        long start = System.nanoTime();
        Dataset.Split split = data.split(plan.validation(), plan.seed());
        if (split.train().size() == 0) {
            throw new IllegalArgumentException("no samples left to train on after holding out " + plan.validation()
                    + " for validation (" + data.size() + " samples)");
        }
        Shape sample = data.sampleShape();
        ModelMetadata metadata = new ModelMetadata(data.classNames(), dims(sample), null, preprocessing,
                ModelMetadata.Provenance.now(version, plan.seed(), ModelDomain.describe(domain.name(), dataNote)));
        Checkpoint.Contents resumed = plan.resume() == null ? null : Checkpoint.load(plan.resume());
        Model model;
        if (resumed != null) {
            model = resumed.loaded().model();
            checkFits(plan.resume(), resumed.loaded().metadata(), metadata);
            Transfer.refreeze(model, plan.freezeUntil());
        } else if (plan.from() != null) {
            model = Transfer.fromModel(plan.from(), plan.freezeUntil(), data.classNames(), sample, plan.seed());
        } else {
            model = Model.build(Networks.build(plan.arch(), domain, sample, data.classes()));
            Init.initialise(model, plan.seed(), Init.Scheme.PYTORCH_DEFAULT);
        }
        checkOutput(model, sample, data.classes(), plan.arch());
        Optimizer optimizer = Optimizers.create(plan.optimizer(), Map.of("lr", Double.toString(plan.learningRate())),
                List.copyOf(model.parameters().values()));
        Path checkpoint = checkpointFor(modelFile);
        TrainerConfig config = new TrainerConfig(plan.epochs(), plan.batch(), plan.seed(), plan.threads(),
                plan.validation(), plan.earlyStop() == null ? null : EarlyStopping.on("loss", plan.earlyStop(), 0),
                checkpoint).withAugmentation(plan.augmentation());
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Trainer trainer = new Trainer(config, model, loss, optimizer).listener(listener).checkpoints(metadata);
        if (resumed != null) {
            trainer.resume(resumed);
        }
        TrainingResult result = trainer.fit(split.train(), split.validation());
        ModelFile.save(modelFile, model, metadata);
        Evaluation scores = split.validation().size() == 0 ? null
                : Evaluator.evaluate(model, loss, split.validation(), plan.batch(), plan.threads());
        return new Outcome(result, model, metadata, split.train().size(), split.validation(), scores, checkpoint,
                (System.nanoTime() - start) / 1e9);
    }

    static int[] dims(Shape s) {
        int[] d = new int[s.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.dim(i);
        }
        return d;
    }

    private static void checkFits(Path checkpoint, ModelMetadata saved, ModelMetadata now) {
        if (!saved.classNames().equals(now.classNames()) || !Arrays.equals(saved.inputShape(), now.inputShape())) {
            throw new IllegalArgumentException(checkpoint + ": the checkpoint was trained on classes "
                    + saved.classNames() + " with inputs " + Arrays.toString(saved.inputShape())
                    + " but the data has classes " + now.classNames() + " with inputs "
                    + Arrays.toString(now.inputShape()));
        }
    }

    private static void checkOutput(Model model, Shape sample, int classes, String arch) {
        Shape out;
        try {
            out = model.outputShape(sample.prepend(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--arch " + arch + " does not take samples of shape " + sample + ": "
                    + e.getMessage(), e);
        }
        if (!out.equals(Shape.of(1, classes))) {
            throw new IllegalArgumentException("--arch " + arch + " maps samples of shape " + sample + " to " + out
                    + ", but " + classes + " classes need [1, " + classes + "]");
        }
    }
}
