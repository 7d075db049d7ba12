package org.convkit.api.nn;

/**
 * A learning rate per epoch: the training loop calls {@code optimizer.setLearningRate(schedule.rate(epoch,
 * baseRate))} at the start of each epoch (epochs count from 0, as torch's {@code last_epoch} after
 * construction).
 */
@FunctionalInterface
public interface LrSchedule {

    /** The rate for {@code epoch} (0-based) given the optimiser's configured {@code baseRate}. */
    double rate(int epoch, double baseRate);

    /** The base rate at every epoch. */
    static LrSchedule constant() {
        return (epoch, baseRate) -> baseRate;
    }
}
