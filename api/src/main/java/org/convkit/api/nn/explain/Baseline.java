package org.convkit.api.nn.explain;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** What a removed part of the input is replaced with, in Shapley values and occlusion. */
public enum Baseline {
    /** Zero everywhere. */
    ZERO,
    /** Each channel's mean over the input's positions. */
    MEAN;

    /** The baseline input for {@code x [C, spatial...]}, a new array of its shape. */
    public FloatNd of(FloatNd x) {
        Shape s = x.shape();
        float[] out = new float[s.size()];
        if (this == MEAN) {
            int channels = s.dim(0);
            int area = s.size() / Math.max(1, channels);
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int p = 0; p < area; p++) {
                    sum += x.data()[x.offset() + c * area + p];
                }
                java.util.Arrays.fill(out, c * area, (c + 1) * area, (float) (sum / Math.max(1, area)));
            }
        }
        return FloatNd.of(s, out);
    }

    /** Parses {@code zero} or {@code mean} (any case). */
    public static Baseline parse(String name) {
        for (Baseline b : values()) {
            if (b.name().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + name + "' (use zero or mean)");
    }
}
