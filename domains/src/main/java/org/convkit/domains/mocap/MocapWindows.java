package org.convkit.domains.mocap;

import java.util.Locale;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * The steps around {@link MocapDomain}'s filter: gap filling before it, and cutting, resampling
 * and centring windows after it. Arrays are {@code [channels, frames]}, row-major.
 */
final class MocapWindows {
    private MocapWindows() {
    }

    /**
     * A copy of {@code x} with every NaN run of a channel replaced by the straight line between the
     * valid values on either side; runs at the start or end take the nearest valid value, and a channel
     * with no valid value becomes 0 (a marker never seen carries no motion).
     */
    static DoubleNd fillGaps(DoubleNd x) {
        int rows = x.shape().dim(0);
        int t = x.shape().dim(1);
        double[] src = x.toArray();
        double[] out = src.clone();
        for (int r = 0; r < rows; r++) {
            int base = r * t;
            int previous = -1; // index of the last valid frame
            for (int f = 0; f <= t; f++) {
                boolean valid = f < t && !Double.isNaN(src[base + f]);
                if (!valid && f < t) {
                    continue;
                }
                // frames previous+1 .. f-1 are a gap (possibly empty)
                for (int g = previous + 1; g < f; g++) {
                    double v;
                    if (previous < 0 && f == t) {
                        v = 0;
                    } else if (previous < 0) {
                        v = src[base + f];
                    } else if (f == t) {
                        v = src[base + previous];
                    } else {
                        double w = (g - previous) / (double) (f - previous);
                        v = src[base + previous] + w * (src[base + f] - src[base + previous]);
                    }
                    out[base + g] = v;
                }
                previous = f;
            }
        }
        return DoubleNd.of(x.shape(), out);
    }

    /**
     * The factor to metres of a position unit: {@code mm} (and an empty unit, the C3D convention),
     * {@code cm}, {@code m}; 1 for anything else, left as it is.
     */
    static double toMetres(String unit) {
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "", "mm" -> 1e-3;
            case "cm" -> 1e-2;
            default -> 1;
        };
    }

    /**
     * Windows of {@code window} frames every {@code hop} frames from frame 0 (as many as fit), each
     * channel resampled by linear interpolation to {@code length} points spanning the window's first
     * to last frame, multiplied by {@code scale}, minus its own mean.
     *
     * @param window at least 2 frames, at most the recording's
     * @param length at least 2
     * @return {@code [n, channels, length]}
     */
    static FloatNd windows(DoubleNd x, int window, int hop, int length, double scale) {
        int rows = x.shape().dim(0);
        int t = x.shape().dim(1);
        int n = 1 + (t - window) / hop;
        double[] src = x.toArray();
        float[] out = new float[n * rows * length];
        double[] v = new double[length];
        for (int w = 0; w < n; w++) {
            int start = w * hop;
            for (int r = 0; r < rows; r++) {
                int base = r * t + start;
                double mean = 0;
                for (int j = 0; j < length; j++) {
                    double u = j * (window - 1) / (double) (length - 1);
                    int i = Math.min((int) u, window - 2);
                    double a = src[base + i];
                    v[j] = a + (u - i) * (src[base + i + 1] - a);
                    mean += v[j];
                }
                mean /= length;
                int at = (w * rows + r) * length;
                for (int j = 0; j < length; j++) {
                    out[at + j] = (float) ((v[j] - mean) * scale);
                }
            }
        }
        return FloatNd.of(Shape.of(n, rows, length), out);
    }
}
