package org.convkit.domains.eeg;

import java.util.List;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Fixed-length windows of a multichannel recording: {@code round(seconds * rate)} samples each,
 * starting every {@code round(seconds * rate * (1 - overlap))} samples from the first sample, as
 * many as fit whole (a tail shorter than a window is dropped). Each channel of each window is
 * standardised to zero mean and unit (population) standard deviation; a flat channel becomes zeros.
 *
 * @param seconds window length in seconds, positive
 * @param overlap fraction of a window shared with the next, in {@code [0, 1)}
 */
record EegWindows(double seconds, double overlap) {

    /** The eeg domain's windows: 2 s, half overlapping. */
    static final EegWindows DEFAULT = new EegWindows(2, 0.5);

    EegWindows {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("window length must be positive seconds, got " + seconds);
        }
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("window overlap must be in [0, 1), got " + overlap);
        }
    }

    /** Samples per window at {@code rate} Hz. */
    int length(double rate) {
        return (int) Math.round(seconds * rate);
    }

    /** Samples between window starts at {@code rate} Hz, at least 1. */
    int hop(double rate) {
        return Math.max(1, (int) Math.round(seconds * rate * (1 - overlap)));
    }

    /** How many whole windows {@code samples} samples hold at {@code rate}. */
    int count(int samples, double rate) {
        int w = length(rate);
        return samples < w || w < 1 ? 0 : (samples - w) / hop(rate) + 1;
    }

    /** The time in seconds of the centre of window {@code k}: {@code (k * hop + length / 2) / rate}. */
    double centre(int k, double rate) {
        return (k * (double) hop(rate) + length(rate) / 2.0) / rate;
    }

    /**
     * The windows of {@code x} ({@code [channels, samples]}) at {@code rate}, standardised.
     *
     * @return {@code [n, channels, length]} float32, {@code n} as {@link #count}
     */
    FloatNd cut(DoubleNd x, double rate) {
        int channels = x.shape().dim(0);
        int n = x.shape().dim(1);
        int w = length(rate);
        int hop = hop(rate);
        int count = count(n, rate);
        double[] src = x.toArray();
        float[] out = new float[count * channels * w];
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < channels; c++) {
                standardise(src, c * n + k * hop, w, out, (k * channels + c) * w);
            }
        }
        return FloatNd.of(Shape.of(count, channels, w), out);
    }

    private static void standardise(double[] src, int from, int w, float[] out, int to) {
        double mean = 0;
        for (int i = 0; i < w; i++) {
            mean += src[from + i];
        }
        mean /= w;
        double var = 0;
        for (int i = 0; i < w; i++) {
            double d = src[from + i] - mean;
            var += d * d;
        }
        double sd = Math.sqrt(var / w);
        double scale = sd > 1e-12 * (Math.abs(mean) + 1) ? 1 / sd : 0;
        for (int i = 0; i < w; i++) {
            out[to + i] = (float) ((src[from + i] - mean) * scale);
        }
    }

    /**
     * The label of window {@code k}: the description of the annotation with a positive duration
     * whose span {@code [onset, onset + duration)} holds the window's centre; null when none does,
     * or when annotations with different descriptions do (ambiguous).
     */
    String label(int k, double rate, List<Annotation> annotations) {
        double t = centre(k, rate);
        String found = null;
        for (Annotation a : annotations) {
            if (a.duration() > 0 && a.onset() <= t && t < a.onset() + a.duration()) {
                if (found != null && !found.equals(a.description())) {
                    return null;
                }
                found = a.description();
            }
        }
        return found;
    }
}
