package org.convkit.api.nn.train;

/**
 * Stop training when {@code metric} has not improved by more than {@code minDelta} for
 * {@code patience} epochs in a row (Keras' {@code EarlyStopping}, {@code restore_best_weights=True}):
 * the best epoch's weights are kept in memory and put back when training ends. Whether improving
 * means rising or falling follows from the metric ({@link Metric#rises()}). The metric is measured on
 * the validation set, or on the training set when there is none.
 *
 * @param metric   the metric watched
 * @param patience epochs without improvement tolerated, at least 0 (0 stops at the first)
 * @param minDelta the smallest change that counts as an improvement, at least 0
 */
public record EarlyStopping(Metric metric, int patience, double minDelta) {

    public EarlyStopping {
        if (metric == null) {
            throw new IllegalArgumentException("early stopping needs a metric (loss or accuracy)");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("min delta must be finite and at least 0, got " + minDelta);
        }
    }

    /** Early stopping on the metric named {@code loss} or {@code accuracy}. */
    public static EarlyStopping on(String metric, int patience, double minDelta) {
        return new EarlyStopping(Metric.parse(metric), patience, minDelta);
    }
}
