package org.convkit.api.signal;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Real spectrograms from a complex STFT ({@code [frequency, frame]}): magnitude {@code |Z|}, power
 * {@code |Z|^2}, decibels (librosa.power_to_db / amplitude_to_db, see {@link Decibels}) and
 * log-mel spectrograms. Inputs are not modified.
 */
public final class Spectrogram {

    private Spectrogram() {
    }

    /** {@code |Z|}, {@code [frequency, frame]}. */
    public static DoubleNd magnitude(ComplexMatrix z) {
        return z.magnitude();
    }

    /** {@code |Z|^2}, {@code [frequency, frame]}. */
    public static DoubleNd power(ComplexMatrix z) {
        return z.power();
    }

    /** librosa.power_to_db(power, ref, amin, top_db) with {@code db}'s settings; same shape as the input. */
    public static DoubleNd powerToDb(DoubleNd power, Decibels db) {
        double[] p = power.toArray();
        double ref = db.ref();
        if (db.relativeToMax()) {
            ref = Double.NEGATIVE_INFINITY;
            for (double v : p) {
                ref = Math.max(ref, Math.abs(v));
            }
        }
        double offset = 10.0 * Math.log10(Math.max(db.amin(), ref));
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0) {
                throw new IllegalArgumentException("power must be >= 0, got " + p[i] + " at flat index " + i);
            }
            p[i] = 10.0 * Math.log10(Math.max(db.amin(), p[i])) - offset;
            peak = Math.max(peak, p[i]);
        }
        if (Double.isFinite(db.topDb())) {
            double floor = peak - db.topDb();
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.max(p[i], floor);
            }
        }
        return DoubleNd.of(power.shape(), p);
    }

    /**
     * librosa.amplitude_to_db: {@code powerToDb(|a|^2)} with the reference and {@code amin} squared
     * ({@code db} holds them as amplitudes).
     */
    public static DoubleNd amplitudeToDb(DoubleNd amplitude, Decibels db) {
        double[] a = amplitude.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] *= a[i];
        }
        Decibels squared = new Decibels(db.ref() * db.ref(), db.relativeToMax(), db.amin() * db.amin(), db.topDb());
        return powerToDb(DoubleNd.of(amplitude.shape(), a), squared);
    }

    /** The log-mel spectrogram {@code powerToDb(mel.apply(|Z|^2), db)}, {@code [mel band, frame]}. */
    public static DoubleNd logMel(ComplexMatrix z, MelFilterbank mel, Decibels db) {
        return powerToDb(mel.apply(power(z)), db);
    }

    /** {@code weights [m, k] x s [k, t]} for 2-d row-major arrays. */
    static DoubleNd multiply(double[] w, int m, int k, DoubleNd s) {
        if (s.shape().rank() != 2 || s.shape().dim(0) != k) {
            throw new IllegalArgumentException("a filterbank of " + m + " x " + k + " cannot apply to a spectrogram of shape "
                    + s.shape() + ": it needs " + k + " frequencies in the first axis");
        }
        int t = s.shape().dim(1);
        double[] x = s.toArray();
        double[] y = new double[m * t];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                double wij = w[i * k + j];
                if (wij == 0) {
                    continue;
                }
                int xr = j * t;
                int yr = i * t;
                for (int c = 0; c < t; c++) {
                    y[yr + c] += wij * x[xr + c];
                }
            }
        }
        return DoubleNd.of(Shape.of(m, t), y);
    }
}
