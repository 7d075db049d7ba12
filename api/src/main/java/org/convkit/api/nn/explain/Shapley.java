package org.convkit.api.nn.explain;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Shapley values of input segments for a class score, by permutation sampling (Castro, Gomez &amp;
 * Tejada 2009, "Polynomial calculation of the Shapley value based on sampling"; the game of
 * Strumbelj &amp; Kononenko 2014): the players are the {@link Segments} of the input, and the value
 * of a coalition {@code S} is the class logit of the input with the segments outside {@code S} set to
 * the {@link Baseline}.
 *
 * <p>For each permutation the segments are added one by one to the baseline in permutation order and
 * each is credited with the change of the score it causes; the estimate is the mean credit. Each
 * permutation's credits sum to {@code f(x) - f(baseline)} exactly (the same two scores begin and end
 * every permutation), so the estimates do too, up to rounding of the double sums. Permutations are
 * Fisher-Yates shuffles drawn from {@code SplittableRandom(seed)} one after the other (with antithetic
 * sampling, every second one is the reverse of the one before); the model's scores do not depend on
 * the thread count, so neither do the values.
 */
public final class Shapley {

    private Shapley() {
    }

    /** Estimates the Shapley values of the segments of {@code x [C, spatial...]} for class {@code cls}. */
    public static ShapleyValues estimate(Scorer scorer, FloatNd x, int cls, ShapleyConfig config) {
        Shape s = x.shape();
        Segments segments = new Segments(s, config.segment());
        int m = segments.count();
        int[][] members = members(segments);
        float[] xd = x.copy().data();
        float[] base = config.baseline().of(x).data();
        int size = s.size();
        float[] both = new float[2 * size];
        System.arraycopy(xd, 0, both, 0, size);
        System.arraycopy(base, 0, both, size, size);
        float[][] ends = scorer.scores(FloatNd.of(s.prepend(2), both));
        Scorer.checkClass(cls, ends[0].length);
        double fx = ends[0][cls];
        double fb = ends[1][cls];

        SplittableRandom rng = new SplittableRandom(config.seed());
        int[] order = new int[m];
        double[] credit = new double[m];
        double[] pair = new double[m];
        double[] sum = new double[m];
        double[] sumSq = new double[m];
        int units = 0;
        int batch = scorer.batchSize();
        for (int j = 0; j < config.permutations(); j++) {
            if (config.antithetic() && j % 2 == 1) {
                reverse(order);
            } else {
                shuffle(order, rng);
            }
            float[] current = base.clone();
            double previous = fb;
            for (int first = 1; first < m; first += batch) {
                int count = Math.min(batch, m - first);
                float[] coalitions = new float[count * size];
                for (int k = 0; k < count; k++) {
                    int seg = order[first + k - 1];
                    for (int p : members[seg]) {
                        current[p] = xd[p];
                    }
                    System.arraycopy(current, 0, coalitions, k * size, size);
                }
                float[][] scores = scorer.scores(FloatNd.of(s.prepend(count), coalitions));
                for (int k = 0; k < count; k++) {
                    double f = scores[k][cls];
                    credit[order[first + k - 1]] = f - previous;
                    previous = f;
                }
            }
            credit[order[m - 1]] = fx - previous;
            if (config.antithetic()) {
                if (j % 2 == 0) {
                    System.arraycopy(credit, 0, pair, 0, m);
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    credit[i] = (credit[i] + pair[i]) / 2;
                }
            }
            units++;
            for (int i = 0; i < m; i++) {
                sum[i] += credit[i];
                sumSq[i] += credit[i] * credit[i];
            }
        }
        double[] values = new double[m];
        double[] errors = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = sum[i] / units;
            double var = units < 2 ? Double.NaN : Math.max(0, (sumSq[i] - units * values[i] * values[i]) / (units - 1));
            errors[i] = Math.sqrt(var / units);
        }
        return new ShapleyValues(segments, values, errors, fx, fb);
    }

    /** The flat indices into {@code [C, spatial...]} of each segment's elements (all channels). */
    static int[][] members(Segments segments) {
        int[] labels = segments.labels();
        int channels = segments.input().dim(0);
        int area = labels.length;
        int[] counts = new int[segments.count()];
        for (int l : labels) {
            counts[l] += channels;
        }
        int[][] out = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = new int[counts[i]];
        }
        int[] fill = new int[counts.length];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < area; p++) {
                out[labels[p]][fill[labels[p]]++] = c * area + p;
            }
        }
        return out;
    }

    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void reverse(int[] order) {
        for (int i = 0, j = order.length - 1; i < j; i++, j--) {
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
