package org.convkit.api.nn.train;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.Loss;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Pass;

/**
 * Runs a classifier over a data set in evaluation mode (dropout off, batch norm on its running
 * statistics) and scores it ({@link Evaluation}). The model must map a batch to {@code [n, classes]}
 * scores (logits or probabilities; the prediction is the arg max). Samples go in their stored order,
 * {@code batch} at a time; the result does not depend on the batch size except for float rounding in
 * the loss, nor on the thread count.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Accuracy, per-class metrics and confusion matrix; the loss is NaN (not computed). */
    public static Evaluation evaluate(Model model, Dataset data, int batch, int threads) {
        return evaluate(model, null, data, batch, threads);
    }

    /**
     * As {@link #evaluate(Model, Dataset, int, int)}, with the loss: the mean over samples of
     * {@code loss} (each batch's mean weighted by its size), or NaN when {@code loss} is null.
     */
    public static Evaluation evaluate(Model model, Loss loss, Dataset data, int batch, int threads) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        int n = data.size();
        int[] predicted = new int[n];
        double lossSum = 0;
        Pass pass = Pass.eval(threads);
        for (int start = 0; start < n; start += batch) {
            int m = Math.min(batch, n - start);
            int[] idx = new int[m];
            for (int i = 0; i < m; i++) {
                idx[i] = start + i;
            }
            Dataset.Batch b = data.batch(idx);
            FloatNd out = model.forward(b.x(), pass);
            System.arraycopy(Predictions.argmax(out), 0, predicted, start, m);
            if (loss != null) {
                lossSum += (double) loss.forward(out, b.y()) * m;
            }
        }
        double meanLoss = loss == null || n == 0 ? Double.NaN : lossSum / n;
        return Evaluation.of(predicted, data.labels(), data.classNames(), meanLoss);
    }
}
