package org.convkit.api.nn.train;

import java.nio.file.Path;

/**
 * How a {@link Trainer} runs.
 *
 * @param epochs             the epoch to stop after (counting from 1, across resumes), at least 1
 * @param batchSize          samples per mini-batch, at least 1; the last batch of an epoch may be smaller
 * @param seed               the seed of the validation split, the shuffles and dropout
 * @param threads            the most threads a pass may use, at least 1; results do not depend on it
 * @param validationFraction the share of the data held out for validation by {@link Trainer#fit(Dataset)},
 *                           in {@code [0, 1)}
 * @param earlyStopping      early stopping, or null to train all epochs (the best epoch is then tracked
 *                           on the loss)
 * @param checkpoint         the file rewritten after every epoch, or null for none
 * @param augmentation       the random change applied to each training batch, or null for none
 */
public record TrainerConfig(int epochs, int batchSize, long seed, int threads, double validationFraction,
        EarlyStopping earlyStopping, Path checkpoint, Augmentation augmentation) {

    public TrainerConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
    }

    /** A configuration without augmentation. */
    public TrainerConfig(int epochs, int batchSize, long seed, int threads, double validationFraction,
                         EarlyStopping earlyStopping, Path checkpoint) {
        this(epochs, batchSize, seed, threads, validationFraction, earlyStopping, checkpoint, null);
    }

    /**
     * {@code epochs} of {@code batchSize} with {@code seed}; one thread, no validation, early
     * stopping, checkpoint or augmentation.
     */
    public static TrainerConfig of(int epochs, int batchSize, long seed) {
        return new TrainerConfig(epochs, batchSize, seed, 1, 0, null, null);
    }

    public TrainerConfig withEpochs(int epochs) {
        return new TrainerConfig(epochs, batchSize, seed, threads, validationFraction, earlyStopping, checkpoint,
                augmentation);
    }

    public TrainerConfig withThreads(int threads) {
        return new TrainerConfig(epochs, batchSize, seed, threads, validationFraction, earlyStopping, checkpoint,
                augmentation);
    }

    public TrainerConfig withValidation(double fraction) {
        return new TrainerConfig(epochs, batchSize, seed, threads, fraction, earlyStopping, checkpoint,
                augmentation);
    }

    public TrainerConfig withEarlyStopping(EarlyStopping earlyStopping) {
        return new TrainerConfig(epochs, batchSize, seed, threads, validationFraction, earlyStopping, checkpoint,
                augmentation);
    }

    public TrainerConfig withCheckpoint(Path checkpoint) {
        return new TrainerConfig(epochs, batchSize, seed, threads, validationFraction, earlyStopping, checkpoint,
                augmentation);
    }

    public TrainerConfig withAugmentation(Augmentation augmentation) {
        return new TrainerConfig(epochs, batchSize, seed, threads, validationFraction, earlyStopping, checkpoint,
                augmentation);
    }

    /** The metric the best epoch is tracked on: early stopping's, else the loss. */
    public Metric monitored() {
        return earlyStopping == null ? Metric.LOSS : earlyStopping.metric();
    }
}
