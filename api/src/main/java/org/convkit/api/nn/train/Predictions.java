package org.convkit.api.nn.train;

import org.convkit.api.nd.FloatNd;

/** Class predictions from network outputs. */
final class Predictions {
    private Predictions() {
    }

    /**
     * The index of the largest of the {@code C} scores of each row of an {@code [n, C]} output,
     * the first on ties (as {@code torch.argmax}); NaN scores never win.
     */
    static int[] argmax(FloatNd out) {
        if (out.shape().rank() != 2) {
            throw new IllegalArgumentException("class predictions need an [N, classes] output, got shape "
                    + out.shape());
        }
        int n = out.shape().dim(0);
        int k = out.shape().dim(1);
        float[] d = out.data();
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            int base = out.offset() + i * k;
            int best = 0;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (d[base + c] > max) {
                    max = d[base + c];
                    best = c;
                }
            }
            pred[i] = best;
        }
        return pred;
    }

    /** How many of {@code pred} equal the labels {@code y} (class indices stored as floats). */
    static int correct(int[] pred, FloatNd y) {
        int n = 0;
        for (int i = 0; i < pred.length; i++) {
            n += pred[i] == (int) y.data()[y.offset() + i] ? 1 : 0;
        }
        return n;
    }
}
