package org.convkit.api.signal;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * A mel filterbank as librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm): {@code nMels}
 * triangular filters over the {@code nFft / 2 + 1} frequencies {@code k sr / nFft}, their corners at
 * {@code nMels + 2} points equally spaced on the mel scale from {@code fmin} to {@code fmax}. Filter
 * {@code i} rises from corner {@code i} to {@code i + 1} and falls to {@code i + 2}; with the Slaney
 * norm it is divided by its width {@code (corner[i+2] - corner[i]) / 2} in Hz (constant area),
 * otherwise its peak is 1. Filters narrower than the frequency spacing can be empty (all zero), as
 * in librosa.
 *
 * @param sr       sampling rate (Hz), > 0
 * @param nFft     FFT length, >= 1
 * @param nMels    number of filters, >= 1
 * @param fmin     lowest corner (Hz), >= 0
 * @param fmax     highest corner (Hz), > fmin
 * @param scale    the mel scale
 * @param slaneyNorm divide each filter by its width (librosa's {@code norm='slaney'}, the default)
 */
public record MelFilterbank(double sr, int nFft, int nMels, double fmin, double fmax, MelScale scale,
                            boolean slaneyNorm) {

    /** The mel scales of librosa.hz_to_mel. */
    public enum MelScale {
        /** {@code 2595 log10(1 + f / 700)} (librosa's {@code htk=True}). */
        HTK,
        /** Slaney's Auditory Toolbox: linear below 1 kHz ({@code 3 f / 200}), logarithmic above (librosa's default). */
        SLANEY
    }

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    public MelFilterbank {
        if (!(sr > 0) || Double.isInfinite(sr)) {
            throw new IllegalArgumentException("sampling rate must be positive and finite, got " + sr);
        }
        if (nFft < 1 || nMels < 1) {
            throw new IllegalArgumentException("n_fft and n_mels must be >= 1, got " + nFft + " and " + nMels);
        }
        if (!(fmin >= 0) || !(fmax > fmin) || Double.isInfinite(fmax)) {
            throw new IllegalArgumentException("need 0 <= fmin < fmax, got fmin " + fmin + " and fmax " + fmax);
        }
        if (scale == null) {
            throw new IllegalArgumentException("mel scale must not be null");
        }
    }

    /** librosa.filters.mel(sr=sr, n_fft=nFft, n_mels=nMels): fmin 0, fmax sr/2, Slaney scale and norm. */
    public static MelFilterbank librosa(double sr, int nFft, int nMels) {
        return new MelFilterbank(sr, nFft, nMels, 0.0, sr / 2, MelScale.SLANEY, true);
    }

    /** librosa.hz_to_mel(hz, htk=scale == HTK). */
    public static double hzToMel(double hz, MelScale scale) {
        if (scale == MelScale.HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP : hz / F_SP;
    }

    /** librosa.mel_to_hz(mel, htk=scale == HTK). */
    public static double melToHz(double mel, MelScale scale) {
        if (scale == MelScale.HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** The {@code nMels + 2} corner frequencies (Hz), librosa.mel_frequencies(nMels + 2, fmin, fmax, htk). */
    public double[] corners() {
        int n = nMels + 2;
        double lo = hzToMel(fmin, scale);
        double hi = hzToMel(fmax, scale);
        double step = (hi - lo) / (n - 1);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = melToHz(i == n - 1 ? hi : lo + i * step, scale);
        }
        return f;
    }

    /** Frequencies per filter: {@code nFft / 2 + 1}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** The weights, {@code [nMels, nFft / 2 + 1]}. */
    public DoubleNd weights() {
        return DoubleNd.of(Shape.of(nMels, bins()), weightArray());
    }

    /** The mel spectrogram {@code weights x s} of a {@code [nFft / 2 + 1, frames]} spectrogram: {@code [nMels, frames]}. */
    public DoubleNd apply(DoubleNd spectrogram) {
        return Spectrogram.multiply(weightArray(), nMels, bins(), spectrogram);
    }

    private double[] weightArray() {
        int bins = bins();
        double[] mel = corners();
        double[] fft = new double[bins];
        double val = 1.0 / (nFft * (1.0 / sr));
        for (int k = 0; k < bins; k++) {
            fft[k] = k * val;
        }
        double[] w = new double[nMels * bins];
        for (int i = 0; i < nMels; i++) {
            double lowerWidth = mel[i + 1] - mel[i];
            double upperWidth = mel[i + 2] - mel[i + 1];
            double enorm = slaneyNorm ? 2.0 / (mel[i + 2] - mel[i]) : 1.0;
            for (int k = 0; k < bins; k++) {
                double lower = -(mel[i] - fft[k]) / lowerWidth;
                double upper = (mel[i + 2] - fft[k]) / upperWidth;
                w[i * bins + k] = Math.max(0, Math.min(lower, upper)) * enorm;
            }
        }
        return w;
    }
}
