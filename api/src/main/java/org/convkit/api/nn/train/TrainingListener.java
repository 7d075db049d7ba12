package org.convkit.api.nn.train;

import java.nio.file.Path;

/**
 * Progress of a {@link Trainer}, called on the training thread. Every method has an empty default,
 * so a listener overrides only what it shows. Epochs and batches are numbered from 1.
 */
public interface TrainingListener {

    /** Before the first batch of {@code epoch}, which has {@code batches} batches at {@code learningRate}. */
    default void onEpochStart(int epoch, int batches, double learningRate) {
    }

    /**
     * After the optimiser step of batch {@code batch} of {@code batches}, whose mean loss was
     * {@code loss}; {@code itemsDone} samples of this epoch have been seen.
     */
    default void onBatchEnd(int epoch, int batch, int batches, double loss, long itemsDone) {
    }

    /** After the epoch's validation, before its checkpoint. */
    default void onEpochEnd(EpochReport report) {
    }

    /** After a checkpoint was written to {@code path}. */
    default void onCheckpoint(Path path) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return new TrainingListener() {
        };
    }
}
