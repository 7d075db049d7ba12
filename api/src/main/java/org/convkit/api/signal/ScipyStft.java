package org.convkit.api.signal;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.jtransforms.fft.DoubleFFT_1D;

/** scipy.signal.stft and istft (scipy 1.10's _spectral_helper, _fft_helper and istft). */
final class ScipyStft {
    private static final System.Logger LOG = System.getLogger(ScipyStft.class.getName());

    private ScipyStft() {
    }

    static StftResult forward(NdArray signal, ScipyStftSpec spec, int threads) {
        double[] x = Stft.samples(signal);
        int nperseg = spec.nperseg();
        if (spec.windowName() != null && nperseg > x.length) {
            LOG.log(Level.WARNING, "nperseg = {0} is greater than the input length = {1}, using nperseg = {1}",
                    nperseg, x.length);
            nperseg = x.length;
        }
        if (spec.window() != null && x.length < nperseg) {
            throw new IllegalArgumentException("window of " + nperseg + " points is longer than the signal ("
                    + x.length + " samples)");
        }
        double[] win = spec.windowFor(nperseg);
        int nfft = spec.nfft() == null ? nperseg : spec.nfft();
        int noverlap = spec.noverlap() == null ? nperseg / 2 : spec.noverlap();
        if (nfft < nperseg) {
            throw new IllegalArgumentException("nfft (" + nfft + ") must be >= nperseg (" + nperseg + ")");
        }
        if (noverlap >= nperseg) {
            throw new IllegalArgumentException("noverlap (" + noverlap + ") must be less than nperseg (" + nperseg + ")");
        }
        int nstep = nperseg - noverlap;
        double[] ext = extend(x, nperseg / 2, spec.boundary());
        int length = ext.length;
        if (spec.padded()) {
            length += Math.floorMod(Math.floorMod(-(length - nperseg), nstep), nperseg);
        }
        int frames = (length - noverlap) / nstep;
        double scale = spec.scaling() == ScipyStftSpec.Scaling.SPECTRUM
                ? Math.sqrt(1.0 / square(sum(win)))
                : Math.sqrt(1.0 / (spec.fs() * sumOfSquares(win)));
        double[] scaled = new double[nperseg];
        for (int i = 0; i < nperseg; i++) {
            scaled[i] = win[i] * scale;
        }
        // Samples past the extended signal are the zeros of 'padded'.
        FrameSource src = FrameSource.of(DoubleNd.vector(ext), 0, FrameSource.Edge.ZEROS);
        ComplexMatrix z = ComplexMatrix.zeros(spec.onesided() ? nfft / 2 + 1 : nfft, frames);
        FrameFft.run(src, frames, nstep, scaled, nfft, spec.detrend(), spec.onesided(), z, threads);
        return new StftResult(frequencies(nfft, spec.fs(), spec.onesided()),
                times(frames, nperseg, nstep, spec.fs(), spec.boundary() != ScipyStftSpec.Boundary.NONE), z);
    }

    /** scipy.signal.istft: inverse FFT of each column, windowed overlap-add divided by the summed squared window. */
    static DoubleNd inverse(ComplexMatrix z, ScipyStftSpec spec) {
        int nseg = z.cols();
        boolean onesided = spec.onesided();
        int nDefault = onesided ? 2 * (z.rows() - 1) : z.rows();
        int nperseg = spec.nperseg();
        int nfft = spec.nfft() != null ? spec.nfft() : onesided && nperseg == nDefault + 1 ? nperseg : nDefault;
        if (nfft < nperseg) {
            throw new IllegalArgumentException("nfft (" + nfft + ") must be >= nperseg (" + nperseg + "); the STFT has "
                    + z.rows() + " frequencies");
        }
        if (nseg < 1) {
            throw new IllegalArgumentException("the STFT has no frames");
        }
        int noverlap = spec.noverlap() == null ? nperseg / 2 : spec.noverlap();
        int nstep = nperseg - noverlap;
        double[] win = spec.windowFor(nperseg);
        double gain = spec.scaling() == ScipyStftSpec.Scaling.SPECTRUM ? sum(win) : Math.sqrt(spec.fs() * sumOfSquares(win));
        int outLength = nperseg + (nseg - 1) * nstep;
        double[] x = new double[outLength];
        double[] norm = new double[outLength];
        DoubleFFT_1D fft = new DoubleFFT_1D(nfft);
        double[] a = new double[onesided ? nfft : 2 * nfft];
        for (int s = 0; s < nseg; s++) {
            if (onesided) {
                packOnesided(z, s, nfft, a);
                fft.realInverse(a, true);
            } else {
                for (int k = 0; k < nfft; k++) {
                    a[2 * k] = z.re(k, s);
                    a[2 * k + 1] = z.im(k, s);
                }
                fft.complexInverse(a, true);
            }
            int stride = onesided ? 1 : 2;
            int at = s * nstep;
            for (int i = 0; i < nperseg; i++) {
                x[at + i] += a[i * stride] * gain * win[i];
                norm[at + i] += win[i] * win[i];
            }
        }
        int half = nperseg / 2;
        int from = spec.boundary() != ScipyStftSpec.Boundary.NONE ? half : 0;
        int to = spec.boundary() != ScipyStftSpec.Boundary.NONE ? outLength - half : outLength;
        double[] y = new double[Math.max(0, to - from)];
        boolean nola = true;
        for (int i = 0; i < y.length; i++) {
            double n = norm[from + i];
            nola &= n > 1e-10;
            y[i] = x[from + i] / (n > 1e-10 ? n : 1.0);
        }
        if (!nola) {
            LOG.log(Level.WARNING, "NOLA condition failed, STFT may not be invertible");
        }
        return DoubleNd.of(Shape.of(y.length), y);
    }

    /** Column {@code s} as irfft(Z, n=nfft) input in JTransforms' packed layout (missing bins are zero). */
    private static void packOnesided(ComplexMatrix z, int s, int nfft, double[] a) {
        int bins = z.rows();
        Arrays.fill(a, 0.0);
        a[0] = z.re(0, s);
        int half = nfft / 2;
        for (int k = 1; k < Math.min(bins, half); k++) {
            a[2 * k] = z.re(k, s);
            a[2 * k + 1] = z.im(k, s);
        }
        if (nfft % 2 == 0) {
            if (nfft > 1 && half < bins) {
                a[1] = z.re(half, s);
            }
        } else if (nfft > 1 && half < bins) {
            a[nfft - 1] = z.re(half, s);
            a[1] = z.im(half, s);
        }
    }

    /** scipy's even_ext / odd_ext / const_ext / zero_ext by {@code n} samples on both sides. */
    static double[] extend(double[] x, int n, ScipyStftSpec.Boundary boundary) {
        if (boundary == ScipyStftSpec.Boundary.NONE || n < 1) {
            return x;
        }
        int len = x.length;
        if ((boundary == ScipyStftSpec.Boundary.EVEN || boundary == ScipyStftSpec.Boundary.ODD) && n > len - 1) {
            throw new IllegalArgumentException("the extension length n (" + n + ") is too big: it must not exceed "
                    + "the signal length - 1, which is " + (len - 1));
        }
        double[] e = new double[len + 2 * n];
        System.arraycopy(x, 0, e, n, len);
        for (int j = 1; j <= n; j++) {
            switch (boundary) {
                case EVEN -> {
                    e[n - j] = x[j];
                    e[n + len - 1 + j] = x[len - 1 - j];
                }
                case ODD -> {
                    e[n - j] = 2 * x[0] - x[j];
                    e[n + len - 1 + j] = 2 * x[len - 1] - x[len - 1 - j];
                }
                case CONSTANT -> {
                    e[n - j] = x[0];
                    e[n + len - 1 + j] = x[len - 1];
                }
                default -> {
                    // ZEROS: already zero.
                }
            }
        }
        return e;
    }

    /** numpy.fft.rfftfreq / fftfreq(nfft, 1 / fs). */
    static double[] frequencies(int nfft, double fs, boolean onesided) {
        double val = 1.0 / (nfft * (1.0 / fs));
        int count = onesided ? nfft / 2 + 1 : nfft;
        double[] f = new double[count];
        int positive = (nfft - 1) / 2 + 1;
        for (int i = 0; i < count; i++) {
            int k = onesided || i < positive ? i : i - nfft;
            f[i] = k * val;
        }
        return f;
    }

    /** Segment centres {@code (nperseg/2 + i nstep) / fs}, minus {@code (nperseg/2) / fs} when extended. */
    private static double[] times(int frames, int nperseg, int nstep, double fs, boolean extended) {
        double[] t = new double[frames];
        for (int i = 0; i < frames; i++) {
            t[i] = (nperseg / 2.0 + (double) i * nstep) / fs;
            if (extended) {
                t[i] -= (nperseg / 2.0) / fs;
            }
        }
        return t;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double sumOfSquares(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return s;
    }

    private static double square(double v) {
        return v * v;
    }
}
