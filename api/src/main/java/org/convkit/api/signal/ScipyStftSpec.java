package org.convkit.api.signal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The options of scipy.signal.stft / istft (scipy 1.10), with scipy's defaults from {@link #of()}:
 * {@code fs=1, window='hann', nperseg=256, noverlap=None (nperseg // 2), nfft=None (nperseg),
 * detrend=False, return_onesided=True, boundary='zeros', padded=True, scaling='spectrum'}.
 *
 * <p>The window is either a name ({@link Windows.Kind}, computed periodic with {@code nperseg}
 * points; as scipy, {@code nperseg} is cut to the signal length when longer) or explicit values,
 * whose length is then {@code nperseg}.
 *
 * @param fs          sampling frequency (Hz), > 0
 * @param windowName  the named window, or {@code null} when {@code window} is given
 * @param window      explicit window values, or {@code null} when named
 * @param nperseg     segment length, >= 1
 * @param noverlap    overlap between segments, {@code null} for {@code nperseg / 2}; < nperseg
 * @param nfft        FFT length, {@code null} for {@code nperseg}; >= nperseg
 * @param detrend     what is removed from each segment
 * @param onesided    return only the non-negative frequencies
 * @param boundary    how the signal is extended by {@code nperseg / 2} on both sides
 * @param padded      zero-pad the end so the last segment is whole
 * @param scaling     {@code 'spectrum'} (divide by {@code sum(window)}) or {@code 'psd'}
 */
public record ScipyStftSpec(double fs, String windowName, double[] window, int nperseg, Integer noverlap,
                            Integer nfft, Detrend detrend, boolean onesided, Boundary boundary, boolean padded,
                            Scaling scaling) {

    /** scipy's {@code boundary}. */
    public enum Boundary {
        /** {@code 'zeros'}: zeros (the default). */
        ZEROS,
        /** {@code 'even'}: mirror about the edge sample. */
        EVEN,
        /** {@code 'odd'}: point reflection through the edge sample, {@code 2 x[0] - x[k]}. */
        ODD,
        /** {@code 'constant'}: the edge sample repeated. */
        CONSTANT,
        /** {@code None}: no extension. */
        NONE
    }

    /** scipy's {@code scaling}. */
    public enum Scaling {
        /** Divide by {@code sum(window)} (the default). */
        SPECTRUM,
        /** Divide by {@code sqrt(fs * sum(window^2))}. */
        PSD
    }

    public ScipyStftSpec {
        if (!(fs > 0) || Double.isInfinite(fs)) {
            throw new IllegalArgumentException("fs must be a positive finite frequency, got " + fs);
        }
        if ((windowName == null) == (window == null)) {
            throw new IllegalArgumentException("give exactly one of a window name and window values");
        }
        if (windowName != null) {
            Windows.Kind.parse(windowName);
        } else {
            window = window.clone();
            if (window.length != nperseg) {
                throw new IllegalArgumentException("nperseg " + nperseg + " differs from the window length "
                        + window.length);
            }
        }
        if (nperseg < 1) {
            throw new IllegalArgumentException("nperseg must be a positive integer, got " + nperseg);
        }
        if (noverlap != null && (noverlap < 0 || noverlap >= nperseg)) {
            throw new IllegalArgumentException("noverlap must be in [0, nperseg = " + nperseg + "), got " + noverlap);
        }
        if (nfft != null && nfft < nperseg) {
            throw new IllegalArgumentException("nfft (" + nfft + ") must be >= nperseg (" + nperseg + ")");
        }
        Objects.requireNonNull(detrend, "detrend");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(scaling, "scaling");
    }

    /** scipy's defaults. */
    public static ScipyStftSpec of() {
        return new ScipyStftSpec(1.0, "hann", null, 256, null, null, Detrend.NONE, true, Boundary.ZEROS, true,
                Scaling.SPECTRUM);
    }

    public ScipyStftSpec withFs(double f) {
        return new ScipyStftSpec(f, windowName, window, nperseg, noverlap, nfft, detrend, onesided, boundary, padded,
                scaling);
    }

    /** A named window; keeps {@code nperseg}. */
    public ScipyStftSpec withWindow(String name) {
        return new ScipyStftSpec(fs, name, null, nperseg, noverlap, nfft, detrend, onesided, boundary, padded,
                scaling);
    }

    /** Explicit window values; {@code nperseg} becomes their length. */
    public ScipyStftSpec withWindow(double[] values) {
        return new ScipyStftSpec(fs, null, values, values.length, noverlap, nfft, detrend, onesided, boundary, padded,
                scaling);
    }

    public ScipyStftSpec withNperseg(int n) {
        return new ScipyStftSpec(fs, windowName, window, n, noverlap, nfft, detrend, onesided, boundary, padded,
                scaling);
    }

    /** The overlap, or {@code null} for {@code nperseg / 2}. */
    public ScipyStftSpec withNoverlap(Integer n) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, n, nfft, detrend, onesided, boundary, padded,
                scaling);
    }

    /** The FFT length, or {@code null} for {@code nperseg}. */
    public ScipyStftSpec withNfft(Integer n) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, noverlap, n, detrend, onesided, boundary, padded,
                scaling);
    }

    public ScipyStftSpec withDetrend(Detrend d) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, noverlap, nfft, d, onesided, boundary, padded,
                scaling);
    }

    public ScipyStftSpec withOnesided(boolean o) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, noverlap, nfft, detrend, o, boundary, padded,
                scaling);
    }

    public ScipyStftSpec withBoundary(Boundary b) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, noverlap, nfft, detrend, onesided, b, padded,
                scaling);
    }

    public ScipyStftSpec withPadded(boolean p) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, noverlap, nfft, detrend, onesided, boundary, p,
                scaling);
    }

    public ScipyStftSpec withScaling(Scaling s) {
        return new ScipyStftSpec(fs, windowName, window, nperseg, noverlap, nfft, detrend, onesided, boundary, padded,
                s);
    }

    /** The explicit window values (a copy), or {@code null} for a named window. */
    @Override
    public double[] window() {
        return window == null ? null : window.clone();
    }

    /** The window for segments of {@code n} points (named windows are computed periodic). */
    double[] windowFor(int n) {
        return window != null ? window.clone() : Windows.get(windowName, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScipyStftSpec s && fs == s.fs && Objects.equals(windowName, s.windowName)
                && Arrays.equals(window, s.window) && nperseg == s.nperseg && Objects.equals(noverlap, s.noverlap)
                && Objects.equals(nfft, s.nfft) && detrend == s.detrend && onesided == s.onesided
                && boundary == s.boundary && padded == s.padded && scaling == s.scaling;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(window) + 31 * Objects.hash(fs, windowName, nperseg, noverlap, nfft, detrend, onesided,
                boundary, padded, scaling);
    }

    @Override
    public String toString() {
        return "ScipyStftSpec[fs=" + fs + ", window=" + (windowName != null ? windowName : window.length + " values")
                + ", nperseg=" + nperseg + ", noverlap=" + noverlap + ", nfft=" + nfft + ", detrend=" + detrend
                + ", onesided=" + onesided + ", boundary=" + boundary + ", padded=" + padded + ", scaling=" + scaling
                + "]";
    }
}
