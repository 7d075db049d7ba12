package org.convkit.api.nn.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.Checkpoint;
import org.convkit.api.nn.Loss;
import org.convkit.api.nn.LrSchedule;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.Optimizer;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;

/**
 * The training loop: mini-batch gradient descent over a {@link Dataset} with seeded shuffling,
 * validation after each epoch, best-epoch tracking, early stopping and a checkpoint after every
 * epoch.
 *
 * <p>Per epoch {@code e} (from 1): the learning rate is set from the schedule
 * ({@code schedule.rate(e - 1, baseRate)}; without one the optimiser's rate is left alone); the
 * training samples are visited in a Fisher-Yates permutation drawn from
 * {@code SplittableRandom(mix(seed, e))}, in batches of {@link TrainerConfig#batchSize()} (the last
 * one smaller, as PyTorch's {@code DataLoader} with {@code drop_last=False}); each batch runs
 * the configured {@link Augmentation} on its features, if any, with a generator seeded from
 * (seed, e, b), {@code zeroGrad}, a training forward pass with {@code Pass.train(threads, mix(seed, e, b))},
 * the loss, the backward pass ({@link Model#backwardParameters}: a frozen first part of the
 * network is not visited) and one optimiser step. Every draw thus depends on (seed, epoch,
 * batch) only, so a run resumed from a checkpoint ends with the same weights, bit for bit, as one
 * that was never interrupted, and the thread count changes nothing. A NaN or infinite batch loss
 * throws {@link NonFiniteLossException} before the step.
 *
 * <p>Lifecycle: build over a model, its loss and an optimiser built over the model's parameters;
 * optionally set a schedule, a listener and a checkpoint writer; to resume, {@link #restore} the
 * state saved with the checkpoint (the model and optimiser having been restored from it); then
 * {@link #fit}. The trainer modifies the model's parameters and buffers and the optimiser. It is
 * not thread-safe.
 */
public final class Trainer {

    /** Writes a checkpoint: the model, optimiser and the given trainer state, to {@code path}. */
    @FunctionalInterface
    public interface CheckpointWriter {
        void write(Path path, ObjectNode trainerState) throws IOException;
    }

    private final TrainerConfig config;
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private LrSchedule schedule;
    private TrainingListener listener = TrainingListener.none();
    private CheckpointWriter checkpoints;

    private double baseRate;
    private int nextEpoch = 1;
    private double bestValue = Double.NaN;
    private int bestEpoch;
    private int sinceBest;
    private boolean stopped;
    private final List<EpochReport> history = new ArrayList<>();
    private Map<String, float[]> bestWeights = Map.of();

    public Trainer(TrainerConfig config, Model model, Loss loss, Optimizer optimizer) {
        this.config = config;
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.baseRate = optimizer.learningRate();
    }

    /** Sets the learning-rate schedule (null for none); returns this. */
    public Trainer schedule(LrSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** Sets the progress listener; returns this. */
    public Trainer listener(TrainingListener listener) {
        this.listener = listener == null ? TrainingListener.none() : listener;
        return this;
    }

    /** Sets what writes the checkpoint to {@link TrainerConfig#checkpoint()} after each epoch; returns this. */
    public Trainer checkpoints(CheckpointWriter writer) {
        this.checkpoints = writer;
        return this;
    }

    /**
     * Writes {@link Checkpoint}s (model, {@code metadata}, optimiser, trainer state) to
     * {@link TrainerConfig#checkpoint()} after each epoch; returns this.
     */
    public Trainer checkpoints(ModelMetadata metadata) {
        return checkpoints((path, state) -> Checkpoint.save(path, model, metadata, optimizer, state));
    }

    public TrainerConfig config() {
        return config;
    }

    /**
     * Splits {@code data} by the configured validation fraction (seeded, stratified:
     * {@link Dataset#split}) and trains on the first part, validating on the second.
     */
    public TrainingResult fit(Dataset data) {
        Dataset.Split s = data.split(config.validationFraction(), config.seed());
        return fit(s.train(), s.validation());
    }

    /**
     * Trains from the next epoch up to {@link TrainerConfig#epochs()} or until early stopping, then,
     * under early stopping, puts the best epoch's weights back into the model.
     *
     * @param validation the validation set, or null or empty for none
     */
    public TrainingResult fit(Dataset train, Dataset validation) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty data set");
        }
        Dataset val = validation == null || validation.size() == 0 ? null : validation;
        while (nextEpoch <= config.epochs() && !stopped) {
            runEpoch(nextEpoch, train, val);
        }
        if (config.earlyStopping() != null && !bestWeights.isEmpty()) {
            load(bestWeights);
        }
        return new TrainingResult(history, config.monitored(), bestEpoch, bestValue, stopped);
    }

    private void runEpoch(int epoch, Dataset train, Dataset val) {
        long start = System.nanoTime();
        if (schedule != null) {
            optimizer.setLearningRate(schedule.rate(epoch - 1, baseRate));
        }
        double rate = optimizer.learningRate();
        int n = train.size();
        int bs = config.batchSize();
        int batches = (n + bs - 1) / bs;
        int[] order = Dataset.permutation(n, new SplittableRandom(Seeds.shuffle(config.seed(), epoch)));
        listener.onEpochStart(epoch, batches, rate);
        double lossSum = 0;
        long correct = 0;
        boolean classes = true;
        for (int b = 1; b <= batches; b++) {
            int lo = (b - 1) * bs;
            int m = Math.min(bs, n - lo);
            int[] idx = new int[m];
            System.arraycopy(order, lo, idx, 0, m);
            Dataset.Batch batch = augmented(train.batch(idx), epoch, b);
            optimizer.zeroGrad();
            Pass pass = Pass.train(config.threads(), Seeds.dropout(config.seed(), epoch, b));
            FloatNd out = model.forward(batch.x(), pass);
            float l = loss.forward(out, batch.y());
            if (!Float.isFinite(l)) {
                throw new NonFiniteLossException(l, epoch, b);
            }
            model.backwardParameters(loss.backward());
            optimizer.step();
            lossSum += (double) l * m;
            classes &= out.shape().rank() == 2;
            if (classes) {
                correct += Predictions.correct(Predictions.argmax(out), batch.y());
            }
            listener.onBatchEnd(epoch, b, batches, l, (long) lo + m);
        }
        double valLoss = Double.NaN;
        double valAcc = Double.NaN;
        if (val != null) {
            Evaluation ev = Evaluator.evaluate(model, loss, val, bs, config.threads());
            valLoss = ev.loss();
            valAcc = ev.accuracy();
        }
        double trainAcc = classes ? (double) correct / n : Double.NaN;
        Metric metric = config.monitored();
        EpochReport probe = new EpochReport(epoch, lossSum / n, trainAcc, valLoss, valAcc, rate, 0, false);
        double value = probe.value(metric);
        double minDelta = config.earlyStopping() == null ? 0 : config.earlyStopping().minDelta();
        boolean improved = metric.improves(value, bestValue, minDelta);
        if (improved) {
            bestValue = value;
            bestEpoch = epoch;
            sinceBest = 0;
            if (config.earlyStopping() != null) {
                bestWeights = snapshot();
            }
        } else {
            sinceBest++;
        }
        EarlyStopping es = config.earlyStopping();
        stopped = es != null && sinceBest > 0 && sinceBest >= es.patience();
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochReport report = new EpochReport(epoch, lossSum / n, trainAcc, valLoss, valAcc, rate, seconds, improved);
        history.add(report);
        nextEpoch = epoch + 1;
        listener.onEpochEnd(report);
        writeCheckpoint();
    }

    /** The batch with the configured augmentation applied to its features (the batch itself when none). */
    private Dataset.Batch augmented(Dataset.Batch batch, int epoch, int b) {
        Augmentation augmentation = config.augmentation();
        if (augmentation == null) {
            return batch;
        }
        SplittableRandom random = new SplittableRandom(Seeds.augment(config.seed(), epoch, b));
        return new Dataset.Batch(augmentation.apply(batch.x(), random), batch.y());
    }

    private void writeCheckpoint() {
        Path path = config.checkpoint();
        if (path == null) {
            return;
        }
        if (checkpoints == null) {
            throw new IllegalStateException("a checkpoint path is configured (" + path + ") but no checkpoint writer");
        }
        try {
            checkpoints.write(path, state().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the checkpoint of epoch " + (nextEpoch - 1) + " to " + path
                    + " failed: " + e.getMessage(), e);
        }
        listener.onCheckpoint(path);
    }

    /** The state after the last finished epoch, for a checkpoint. */
    public TrainerState state() {
        return new TrainerState(nextEpoch, config.seed(), config.batchSize(), baseRate, config.monitored(), bestValue,
                bestEpoch, sinceBest, stopped, history, bestWeights);
    }

    /**
     * Continues from a checkpoint: copies its weights and buffers into this trainer's model (unless
     * it is the checkpoint's own model), restores the optimiser's state, step count and learning
     * rate, and the trainer state ({@link #restore(TrainerState)}); the next {@link #fit} then ends
     * exactly as the run that wrote the checkpoint would have. Nothing is changed when the checkpoint
     * does not fit (other seed, batch size, metric, parameter names or shapes).
     */
    public void resume(Checkpoint.Contents checkpoint) {
        TrainerState s = TrainerState.fromJson(checkpoint.trainerState());
        check(s);
        Model saved = checkpoint.loaded().model();
        Map<String, float[]> weights = new LinkedHashMap<>();
        if (saved != model) {
            tensors(saved).forEach((name, p) -> weights.put(name, p.value().data()));
            checkFits(weights);
        }
        checkpoint.restoreOptimizer(optimizer);
        if (saved != model) {
            load(weights);
        }
        apply(s);
    }

    /**
     * Continues from a saved state: the next {@link #fit} starts at its next epoch. The model and the
     * optimiser must already hold the checkpoint's weights, state and rate. The seed, batch size and
     * monitored metric must be the ones the state was trained with, since they decide the draws and
     * the best epoch.
     */
    public void restore(TrainerState s) {
        check(s);
        apply(s);
    }

    /** {@link #restore(TrainerState)} from its JSON form. */
    public void restore(ObjectNode trainerState) {
        restore(TrainerState.fromJson(trainerState));
    }

    private void check(TrainerState s) {
        if (s.seed() != config.seed() || s.batchSize() != config.batchSize() || s.monitored() != config.monitored()) {
            throw new IllegalArgumentException("the checkpoint was trained with seed " + s.seed() + ", batch size "
                    + s.batchSize() + " and metric " + s.monitored().id() + " but this trainer has seed "
                    + config.seed() + ", batch size " + config.batchSize() + " and metric " + config.monitored().id());
        }
        if (config.earlyStopping() != null && s.bestEpoch() > 0 && s.bestWeights().isEmpty()) {
            throw new IllegalArgumentException("early stopping is on but the checkpoint holds no best weights"
                    + " (it was trained without early stopping)");
        }
        if (config.earlyStopping() != null && !s.bestWeights().isEmpty()) {
            checkFits(s.bestWeights());
        }
    }

    private void apply(TrainerState s) {
        nextEpoch = s.nextEpoch();
        baseRate = s.baseLearningRate();
        bestValue = s.bestValue();
        bestEpoch = s.bestEpoch();
        sinceBest = s.sinceBest();
        stopped = s.stopped();
        history.clear();
        history.addAll(s.history());
        bestWeights = config.earlyStopping() == null ? Map.of() : s.bestWeights();
    }

    /** The model's parameters then buffers, by qualified name. */
    private static Map<String, Parameter> tensors(Model m) {
        Map<String, Parameter> all = new LinkedHashMap<>(m.parameters());
        m.buffers().forEach((name, p) -> {
            if (all.put(name, p) != null) {
                throw new IllegalStateException("parameter and buffer share the name '" + name + "'");
            }
        });
        return all;
    }

    private Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors(model).forEach((name, p) -> out.put(name, p.value().toArray()));
        return out;
    }

    /** Throws unless {@code weights} has exactly the model's tensor names with their sizes. */
    private void checkFits(Map<String, float[]> weights) {
        Map<String, Parameter> all = tensors(model);
        if (!all.keySet().equals(weights.keySet())) {
            throw new IllegalArgumentException("the checkpoint holds tensors " + weights.keySet()
                    + " but the model has " + all.keySet());
        }
        all.forEach((name, p) -> {
            if (weights.get(name).length != p.size()) {
                throw new IllegalArgumentException("the checkpoint's '" + name + "' holds " + weights.get(name).length
                        + " values for the model's shape " + p.shape());
            }
        });
    }

    private void load(Map<String, float[]> weights) {
        checkFits(weights);
        tensors(model).forEach((name, p) -> {
            float[] w = weights.get(name);
            System.arraycopy(w, 0, p.value().data(), 0, w.length);
        });
    }
}
