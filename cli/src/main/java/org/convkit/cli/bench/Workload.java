package org.convkit.cli.bench;

import java.util.Map;

/**
 * One standard benchmark workload, as {@code ../shared/bench/WORKLOADS.md} defines it. Inputs are
 * generated from a fixed seed in {@link #prepare}, before timing; the returned action is what is
 * timed.
 */
public interface Workload {

    /** The workload id, e.g. {@code conv1d-k101}. */
    String id();

    /** Builds the inputs (not timed) and returns the timed action, using {@code threads} threads. */
    Runnable prepare(int threads);

    /** Floating-point operations of one run, or 0 when the work has no standard count. */
    default double flops() {
        return 0;
    }

    /** Samples (images, windows) processed by one run, or 0 when the work is not per-sample. */
    default long samples() {
        return 0;
    }

    /** Whether the workload needs a data folder ({@code convkit bench --data DIR}). */
    default boolean needsData() {
        return false;
    }

    /** As {@link #prepare(int)}, for a workload that reads {@code data} (null when none was given). */
    default Runnable prepare(int threads, java.nio.file.Path data) {
        return prepare(threads);
    }

    /**
     * Whether one run is the whole measurement (a full training): no warm-up, a single timed run,
     * whatever {@code --runs} says.
     */
    default boolean once() {
        return false;
    }

    /**
     * This workload training from {@code seed} (its initial weights and shuffles), for a workload
     * that trains on data ({@code mnist-lenet}); the others return themselves, their inputs fixed.
     */
    default Workload withSeed(long seed) {
        return this;
    }

    /**
     * This workload training with each image moved by up to {@code max} pixels per axis, drawn per
     * image and batch ({@link org.convkit.api.nn.train.RandomShift}), for {@code mnist-lenet}; 0
     * trains without augmentation, as {@code mnist_torch.py}. The others return themselves.
     */
    default Workload withShift(int max) {
        return this;
    }

    /**
     * The settings that chose this run, by name in a fixed order (for {@code mnist-lenet} its seed and
     * {@code augment_shift}), printed beside its figures; empty for workloads with fixed inputs.
     */
    default Map<String, Long> settings() {
        return Map.of();
    }

    /** The test accuracy (0 to 1) reached by the last run, or NaN when the workload has none. */
    default double accuracy() {
        return Double.NaN;
    }
}
