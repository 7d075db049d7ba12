package org.convkit.api.signal;

/** What is removed from each STFT segment before windowing (scipy.signal.stft's {@code detrend}). */
public enum Detrend {
    /** Nothing ({@code detrend=False}, the default). */
    NONE,
    /** The segment mean ({@code 'constant'}). */
    CONSTANT,
    /** The least-squares line through the segment ({@code 'linear'}). */
    LINEAR;

    /** Applies this detrend to {@code x[0 .. n)} in place. */
    void apply(double[] x, int n) {
        if (this == NONE || n == 0) {
            return;
        }
        double xm = 0;
        for (int i = 0; i < n; i++) {
            xm += x[i];
        }
        xm /= n;
        if (this == CONSTANT) {
            for (int i = 0; i < n; i++) {
                x[i] -= xm;
            }
            return;
        }
        double tm = (n - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dt = i - tm;
            sxy += dt * (x[i] - xm);
            sxx += dt * dt;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        for (int i = 0; i < n; i++) {
            x[i] -= xm + slope * (i - tm);
        }
    }
}
