package org.convkit.api.nn.train;

/**
 * What one epoch did. Losses are means over samples (each batch's mean weighted by its size);
 * validation figures are NaN when there is no validation set.
 *
 * @param epoch              the epoch number, from 1
 * @param trainLoss          mean training loss over the epoch's batches, in training mode
 * @param trainAccuracy      training accuracy over the epoch's batches (NaN if outputs are not {@code [n, classes]})
 * @param validationLoss     validation loss in evaluation mode after the epoch
 * @param validationAccuracy validation accuracy in evaluation mode after the epoch
 * @param learningRate       the rate used during the epoch
 * @param seconds            wall time of the epoch, validation included
 * @param improved           whether the monitored metric improved on every earlier epoch (this is the best so far)
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double learningRate, double seconds, boolean improved) {

    /** The value of {@code metric} that early stopping watches: validation if measured, else training. */
    public double value(Metric metric) {
        double v = metric == Metric.LOSS ? validationLoss : validationAccuracy;
        if (Double.isNaN(v)) {
            return metric == Metric.LOSS ? trainLoss : trainAccuracy;
        }
        return v;
    }
}
