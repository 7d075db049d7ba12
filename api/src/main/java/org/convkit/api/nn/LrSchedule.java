package org.convkit.api.nn;

/**
 * A learning-rate schedule: the rate for an epoch from the optimiser's base rate.
 * (Placeholder with only what the trainer needs; the optimiser work defines the real one.)
 */
@FunctionalInterface
public interface LrSchedule {

    /** The rate for {@code epoch} (0-based, as PyTorch's schedulers count) given the base rate. */
    double rate(int epoch, double baseRate);
}
