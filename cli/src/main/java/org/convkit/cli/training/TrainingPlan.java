package org.convkit.cli.training;

import java.nio.file.Path;
import java.util.Locale;
import org.convkit.api.nn.Optimizers;
import org.convkit.api.nn.train.Augmentation;
import org.convkit.api.nn.train.RandomShift;

/**
 * How to train: the network, the optimiser and the loop's settings. Validated here, so a bad value
 * is reported before any data is read.
 *
 * @param arch          {@code default} or a zoo name / notation ({@link Networks})
 * @param epochs        the epoch to stop after, at least 1
 * @param batch         samples per batch, at least 1
 * @param learningRate  positive
 * @param optimizer     {@code sgd}, {@code adam} or {@code adamw}
 * @param seed          the seed of initialisation, split, shuffles and dropout
 * @param threads       at least 1; results do not depend on it
 * @param validation    the share held out for validation, in {@code [0, 1)}
 * @param earlyStop     patience in epochs on the validation loss, or null for none
 * @param resume        a checkpoint to continue, or null
 * @param from          a model to start from (transfer learning), or null
 * @param freezeUntil   the last layer frozen with {@code from} (again on {@code resume}: checkpoints keep no
 *                      trainable flags), or null
 * @param augmentShift  the largest shift of a training sample per spatial axis ({@link RandomShift}), 0 for none
 */
public record TrainingPlan(String arch, int epochs, int batch, double learningRate, String optimizer, long seed,
        int threads, double validation, Integer earlyStop, Path resume, Path from, String freezeUntil,
        int augmentShift) {

    public TrainingPlan {
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
        }
        if (!Optimizers.names().contains(optimizer)) {
            throw new IllegalArgumentException("--optimizer must be one of " + Optimizers.names() + ", got '" + optimizer
                    + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("--val-split must be in [0, 1), got " + validation);
        }
        if (earlyStop != null && earlyStop < 1) {
            throw new IllegalArgumentException("--early-stop must be at least 1 epoch, got " + earlyStop);
        }
        if (freezeUntil != null && from == null && resume == null) {
            throw new IllegalArgumentException("--freeze-until needs --from MODEL (or --resume CHECKPOINT of such a run)");
        }
        if (augmentShift < 0) {
            throw new IllegalArgumentException("--augment-shift must be >= 0, got " + augmentShift);
        }
        if (from != null && resume != null) {
            throw new IllegalArgumentException("--from and --resume exclude each other (a checkpoint already holds weights)");
        }
    }

    /** The augmentation of the training batches, or null for none. */
    public Augmentation augmentation() {
        return augmentShift == 0 ? null : new RandomShift(augmentShift);
    }

    /** Adam at {@code learningRate} with the domain's network, 20% validation, no early stopping or augmentation. */
    public static TrainingPlan adam(int epochs, int batch, double learningRate, long seed, int threads) {
        return new TrainingPlan(Networks.DEFAULT, epochs, batch, learningRate, "adam", seed, threads, 0.2, null, null,
                null, null, 0);
    }
}
