package org.convkit.api.nn.explain;

import org.convkit.api.nd.FloatNd;

/**
 * Estimated Shapley values of an input's segments for one class score.
 *
 * @param segments       the partition the values are of
 * @param values         one value per segment; they sum to {@code score - baselineScore}
 * @param standardErrors the sampling standard error of each value (over permutations, or over
 *                       antithetic pairs), NaN with fewer than two
 * @param score          the class score of the input, {@code f(x)}
 * @param baselineScore  the class score of the baseline, {@code f(baseline)}
 */
public record ShapleyValues(Segments segments, double[] values, double[] standardErrors, double score,
        double baselineScore) {

    public ShapleyValues {
        values = values.clone();
        standardErrors = standardErrors.clone();
        if (values.length != segments.count() || standardErrors.length != values.length) {
            throw new IllegalArgumentException(segments.count() + " segments need as many values and errors, got "
                    + values.length + " and " + standardErrors.length);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Each position's segment value, shaped as the input's spatial axes {@code [spatial...]}. */
    public FloatNd map() {
        int[] labels = segments.labels();
        float[] out = new float[labels.length];
        for (int p = 0; p < labels.length; p++) {
            out[p] = (float) values[labels[p]];
        }
        return FloatNd.of(segments.input().dropFirst(), out);
    }
}
