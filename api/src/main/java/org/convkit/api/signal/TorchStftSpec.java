package org.convkit.api.signal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The configuration of {@link Stft#torch}: torch.stft's convention. Frame {@code f} starts at
 * {@code f * hopLength} of the signal, which with {@code center} is first padded by
 * {@code nFft / 2} on both sides ({@code padMode}); the {@code winLength} window is zero-padded
 * on both sides to {@code nFft} (left {@code (nFft - winLength) / 2}); there are
 * {@code 1 + (paddedLength - nFft) / hopLength} frames; with {@code normalized} the result is
 * multiplied by {@code nFft^-1/2}.
 *
 * <p>Unlike torch.stft, whose default window is rectangular, {@link #of} uses the periodic Hann
 * window ({@code torch.hann_window(winLength)}), the window nearly every caller passes.
 *
 * @param nFft       FFT length and frame length, >= 1
 * @param hopLength  frame step, >= 1
 * @param winLength  window length, in {@code [1, nFft]}
 * @param window     {@code winLength} window values (not copied on read: treat as immutable)
 * @param center     pad the signal by {@code nFft / 2} on both sides
 * @param padMode    how {@code center} pads
 * @param onesided   return {@code nFft / 2 + 1} frequencies instead of {@code nFft}
 * @param normalized multiply by {@code 1 / sqrt(nFft)}
 */
public record TorchStftSpec(int nFft, int hopLength, int winLength, double[] window, boolean center,
                            PadMode padMode, boolean onesided, boolean normalized) {

    /** torch.stft's {@code pad_mode} for {@code center=True}. */
    public enum PadMode {
        /** Zeros ('constant'). */
        CONSTANT,
        /** Mirror without repeating the edge ('reflect', the default; needs a signal longer than the pad). */
        REFLECT,
        /** Edge sample repeated ('replicate'). */
        REPLICATE
    }

    public TorchStftSpec {
        if (nFft < 1) {
            throw new IllegalArgumentException("n_fft must be >= 1, got " + nFft);
        }
        if (hopLength < 1) {
            throw new IllegalArgumentException("hop_length must be >= 1, got " + hopLength);
        }
        if (winLength < 1 || winLength > nFft) {
            throw new IllegalArgumentException("win_length must be in [1, n_fft = " + nFft + "], got " + winLength);
        }
        if (window.length != winLength) {
            throw new IllegalArgumentException("window has " + window.length + " values but win_length is " + winLength);
        }
        if (padMode == null) {
            throw new IllegalArgumentException("pad mode must not be null");
        }
        window = window.clone();
    }

    /** n_fft {@code nFft}, hop {@code nFft / 4}, periodic Hann of {@code nFft}, centred with reflect padding, onesided. */
    public static TorchStftSpec of(int nFft) {
        if (nFft < 1) {
            throw new IllegalArgumentException("n_fft must be >= 1, got " + nFft);
        }
        return new TorchStftSpec(nFft, Math.max(1, nFft / 4), nFft, Windows.hann(nFft, true), true, PadMode.REFLECT,
                true, false);
    }

    public TorchStftSpec withHopLength(int hop) {
        return new TorchStftSpec(nFft, hop, winLength, window, center, padMode, onesided, normalized);
    }

    /** A periodic Hann window of {@code length} points. */
    public TorchStftSpec withWinLength(int length) {
        if (length < 1 || length > nFft) {
            throw new IllegalArgumentException("win_length must be in [1, n_fft = " + nFft + "], got " + length);
        }
        return withWindow(Windows.hann(length, true));
    }

    /** An explicit window; {@code winLength} becomes its length. */
    public TorchStftSpec withWindow(double[] w) {
        return new TorchStftSpec(nFft, hopLength, w.length, w, center, padMode, onesided, normalized);
    }

    public TorchStftSpec withCenter(boolean c, PadMode mode) {
        return new TorchStftSpec(nFft, hopLength, winLength, window, c, mode, onesided, normalized);
    }

    public TorchStftSpec withOnesided(boolean o) {
        return new TorchStftSpec(nFft, hopLength, winLength, window, center, padMode, o, normalized);
    }

    public TorchStftSpec withNormalized(boolean n) {
        return new TorchStftSpec(nFft, hopLength, winLength, window, center, padMode, onesided, n);
    }

    /** The window values (a copy). */
    @Override
    public double[] window() {
        return window.clone();
    }

    /** The window zero-padded on both sides to {@code nFft}, as torch does, scaled by {@code scale}. */
    double[] paddedWindow(double scale) {
        double[] w = new double[nFft];
        int left = (nFft - winLength) / 2;
        for (int i = 0; i < winLength; i++) {
            w[left + i] = window[i] * scale;
        }
        return w;
    }

    /** Frequencies per frame: {@code nFft / 2 + 1} when onesided, else {@code nFft}. */
    public int bins() {
        return onesided ? nFft / 2 + 1 : nFft;
    }

    /**
     * The number of frames for a signal of {@code n} samples; errors as torch.stft's when the
     * (padded) signal is shorter than {@code nFft} or reflect padding exceeds the signal.
     */
    public int frames(int n) {
        int pad = center ? nFft / 2 : 0;
        if (center && padMode == PadMode.REFLECT && pad >= n) {
            throw new IllegalArgumentException("reflect padding of n_fft / 2 = " + pad
                    + " needs a signal longer than that, got " + n + " samples");
        }
        long padded = (long) n + 2L * pad;
        if (padded < nFft) {
            throw new IllegalArgumentException("n_fft = " + nFft + " is longer than the " + (center ? "padded " : "")
                    + "signal (" + padded + " samples)");
        }
        return (int) (1 + (padded - nFft) / hopLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorchStftSpec s && nFft == s.nFft && hopLength == s.hopLength && winLength == s.winLength
                && Arrays.equals(window, s.window) && center == s.center && padMode == s.padMode
                && onesided == s.onesided && normalized == s.normalized;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(window) + 31 * Objects.hash(nFft, hopLength, center, padMode, onesided,
                normalized);
    }

    @Override
    public String toString() {
        return "TorchStftSpec[nFft=" + nFft + ", hop=" + hopLength + ", winLength=" + winLength + ", center=" + center
                + ", padMode=" + padMode + ", onesided=" + onesided + ", normalized=" + normalized + "]";
    }
}
