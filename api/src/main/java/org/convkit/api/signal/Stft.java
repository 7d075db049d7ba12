package org.convkit.api.signal;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;

/**
 * Short-time Fourier transforms of a real 1-d signal in the two conventions users meet:
 * scipy.signal.stft / istft ({@link #scipy}, {@link #scipyInverse}) and torch.stft ({@link #torch}).
 * Both return {@code [frequency, frame]} complex matrices; the FFTs are JTransforms' or, for
 * onesided power-of-two lengths with the Vector API present, convkit's own frame-batched FFT.
 *
 * <p>Precision: float64 throughout. A float32 signal is read as float64 frame by frame (no copy of
 * the whole signal); the output is always float64.
 *
 * <p>The conventions differ (both documented by their libraries): scipy extends the signal by
 * {@code nperseg / 2} zeros on both sides, pads the end to whole segments, uses
 * {@code nperseg / 2} overlap by default and divides by {@code sum(window)}, so a unit-amplitude
 * tone at a bin frequency has magnitude 1/2; torch pads by reflection, uses a hop of
 * {@code n_fft / 4} by default and does not scale, so the same tone has magnitude
 * {@code sum(window) / 2}.
 */
public final class Stft {

    private Stft() {
    }

    /** scipy.signal.stft(x, ...) with {@code spec}'s options, on one thread. */
    public static StftResult scipy(NdArray x, ScipyStftSpec spec) {
        return ScipyStft.forward(x, spec, 1);
    }

    /** As {@link #scipy(NdArray, ScipyStftSpec)} with frames computed on {@code threads} threads. */
    public static StftResult scipy(NdArray x, ScipyStftSpec spec, int threads) {
        return ScipyStft.forward(x, spec, threads);
    }

    /**
     * scipy.signal.istft(Z, ...) with the same options used for the forward transform
     * ({@code fs}, window, {@code nperseg}, {@code noverlap}, {@code nfft}, {@code onesided} as
     * {@code input_onesided}, {@code boundary != NONE} as {@code boundary=True}, scaling). The
     * output has {@code nperseg + (frames - 1) * step} samples less the boundary extension, so it
     * can be longer than the original signal (by the padding); sample {@code i} is at time
     * {@code i / fs}. Two-sided input returns the real part. Where no window overlaps (the NOLA
     * condition fails) samples are not normalised and a warning is logged, as scipy does.
     */
    public static DoubleNd scipyInverse(ComplexMatrix z, ScipyStftSpec spec) {
        return ScipyStft.inverse(z, spec);
    }

    /** torch.stft(x, ..., return_complex=True) with {@code spec}'s options, on one thread. */
    public static ComplexMatrix torch(NdArray x, TorchStftSpec spec) {
        return torch(x, spec, 1);
    }

    /** As {@link #torch(NdArray, TorchStftSpec)}, frames computed on {@code threads} threads. */
    public static ComplexMatrix torch(NdArray x, TorchStftSpec spec, int threads) {
        int frames = spec.frames(length(x));
        ComplexMatrix out = ComplexMatrix.zeros(spec.bins(), frames);
        torchInto(x, spec, out, threads);
        return out;
    }

    /**
     * As {@link #torch(NdArray, TorchStftSpec, int)}, writing every entry of {@code out}, which
     * must be {@code spec.bins() x spec.frames(x length)}; nothing else is allocated but one FFT
     * plan and a few frames of scratch per thread.
     */
    public static void torchInto(NdArray x, TorchStftSpec spec, ComplexMatrix out, int threads) {
        int frames = spec.frames(length(x));
        FrameSource.Edge edge = switch (spec.padMode()) {
            case CONSTANT -> FrameSource.Edge.ZEROS;
            case REFLECT -> FrameSource.Edge.REFLECT;
            case REPLICATE -> FrameSource.Edge.REPLICATE;
        };
        FrameSource src = FrameSource.of(x, spec.center() ? spec.nFft() / 2 : 0, edge);
        double scale = spec.normalized() ? 1.0 / Math.sqrt(spec.nFft()) : 1.0;
        FrameFft.run(src, frames, spec.hopLength(), spec.paddedWindow(scale), spec.nFft(), Detrend.NONE,
                spec.onesided(), out, Math.max(1, threads));
    }

    private static int length(NdArray x) {
        if (!(x instanceof DoubleNd || x instanceof FloatNd) || x.shape().rank() != 1 || x.shape().size() == 0) {
            throw new IllegalArgumentException("STFT takes a non-empty 1-d float32 or float64 signal, got shape "
                    + x.shape());
        }
        return x.shape().dim(0);
    }

    /** The signal as a float64 array (a copy). */
    static double[] samples(NdArray x) {
        double[] v = new double[length(x)];
        for (int i = 0; i < v.length; i++) {
            v[i] = x.getDouble(i);
        }
        return v;
    }
}
