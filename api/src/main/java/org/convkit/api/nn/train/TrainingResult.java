package org.convkit.api.nn.train;

import java.util.List;

/**
 * How a {@link Trainer#fit} call ended.
 *
 * @param history      one report per epoch run so far (resumed epochs included)
 * @param monitored    the metric the best epoch was tracked on
 * @param bestEpoch    the epoch with the best value of that metric, from 1
 * @param bestValue    that value
 * @param stoppedEarly whether early stopping ended the run before the configured epochs
 */
public record TrainingResult(List<EpochReport> history, Metric monitored, int bestEpoch, double bestValue,
        boolean stoppedEarly) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The report of the best epoch. */
    public EpochReport best() {
        return history.get(bestEpoch - 1);
    }

    /** The report of the last epoch run. */
    public EpochReport last() {
        return history.get(history.size() - 1);
    }
}
