package org.convkit.api.signal;

import java.util.Arrays;
import org.convkit.api.parallel.Parallel;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The shared STFT kernel: frame {@code f} is the {@code window.length} extended samples from
 * {@code f * hop}, detrended, multiplied by {@code window}, zero-padded to {@code nfft} and
 * transformed with JTransforms ({@code X[k] = sum_n x[n] exp(-2 pi i k n / nfft)}, numpy's sign);
 * bin {@code k} of frame {@code f} goes to entry {@code (k, f)} of the output. Onesided
 * power-of-two transforms go to {@link VectorFrameFft} (frames vectorised across SIMD lanes) when
 * the Vector API module is present; everything else uses JTransforms as described below.
 *
 * <p>Frames are processed in blocks (up to {@value #MAX_BLOCK} frames, fewer for long FFTs so the
 * scratch stays near {@value #SCRATCH_DOUBLES} doubles): one block's spectra are kept in scratch
 * rows and written out bin by bin, so the output (frequency-major) is written in contiguous runs
 * of a block's length rather than one scattered element per cache line (measured: blocks of 64
 * instead of 16 cut stft-60s by a quarter). Each thread owns one FFT plan and its scratch,
 * allocated once per call; frames are independent, so the result does not depend on the thread
 * count.
 */
final class FrameFft {
    static final int MAX_BLOCK = 64;
    static final int SCRATCH_DOUBLES = 1 << 15;
    /** Whether {@link VectorFrameFft} can be loaded: jdk.incubator.vector is in the boot layer. */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private FrameFft() {
    }

    /**
     * Fills {@code out} ({@code bins x frames}, {@code bins = nfft/2 + 1} when onesided, else
     * {@code nfft}) with the spectra of {@code frames} frames.
     */
    static void run(FrameSource src, int frames, int hop, double[] window, int nfft, Detrend detrend,
                    boolean onesided, ComplexMatrix out, int threads) {
        run(src, frames, hop, window, nfft, detrend, onesided, out, threads, VECTOR_API);
    }

    /**
     * As {@link #run(FrameSource, int, int, double[], int, Detrend, boolean, ComplexMatrix, int)};
     * {@code vector} allows {@link VectorFrameFft} where it {@link VectorFrameFft#supports applies}
     * (power-of-two onesided transforms), else JTransforms is used frame by frame.
     */
    static void run(FrameSource src, int frames, int hop, double[] window, int nfft, Detrend detrend,
                    boolean onesided, ComplexMatrix out, int threads, boolean vector) {
        int bins = onesided ? nfft / 2 + 1 : nfft;
        if (out.rows() != bins || out.cols() != frames) {
            throw new IllegalArgumentException("output is " + out.rows() + " x " + out.cols() + " but the transform gives "
                    + bins + " frequencies x " + frames + " frames");
        }
        if (vector && VectorFrameFft.supports(nfft, onesided)) {
            VectorFrameFft.run(src, frames, hop, window, nfft, detrend, out, Math.max(1, threads));
            return;
        }
        int block = Math.max(4, Math.min(MAX_BLOCK, SCRATCH_DOUBLES / nfft));
        int blocks = (frames + block - 1) / block;
        int workers = frames < 2 * block ? 1 : threads;
        Parallel.forRange(blocks, workers, (lo, hi) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(nfft);
            double[][] scratch = new double[block][onesided ? nfft : 2 * nfft];
            for (int b = lo; b < hi; b++) {
                int f0 = b * block;
                int count = Math.min(block, frames - f0);
                for (int j = 0; j < count; j++) {
                    transform(src, (f0 + j) * hop, window, detrend, onesided, fft, scratch[j]);
                }
                if (onesided) {
                    storeOnesided(scratch, count, nfft, out, f0);
                } else {
                    storeFull(scratch, count, nfft, out, f0);
                }
            }
        });
    }

    private static void transform(FrameSource src, int start, double[] window, Detrend detrend, boolean onesided,
                                  DoubleFFT_1D fft, double[] a) {
        int len = window.length;
        src.read(start, a, len);
        detrend.apply(a, len);
        for (int j = 0; j < len; j++) {
            a[j] *= window[j];
        }
        Arrays.fill(a, len, a.length, 0.0);
        if (onesided) {
            fft.realForward(a);
        } else {
            fft.realForwardFull(a);
        }
    }

    /** Unpacks JTransforms' realForward layout (a[0] = Re 0, a[1] = Re n/2 or Im (n-1)/2). */
    private static void storeOnesided(double[][] s, int count, int nfft, ComplexMatrix out, int f0) {
        double[] re = out.re();
        double[] im = out.im();
        int cols = out.cols();
        int half = nfft / 2;
        boolean even = nfft % 2 == 0;
        for (int j = 0; j < count; j++) {
            re[f0 + j] = s[j][0];
            im[f0 + j] = 0.0;
        }
        int last = even ? half - 1 : half;
        for (int k = 1; k <= last; k++) {
            int row = k * cols + f0;
            if (!even && k == half) {
                for (int j = 0; j < count; j++) {
                    re[row + j] = s[j][nfft - 1];
                    im[row + j] = s[j][1];
                }
            } else {
                int p = 2 * k;
                for (int j = 0; j < count; j++) {
                    re[row + j] = s[j][p];
                    im[row + j] = s[j][p + 1];
                }
            }
        }
        if (even && half > 0) {
            int row = half * cols + f0;
            for (int j = 0; j < count; j++) {
                re[row + j] = s[j][1];
                im[row + j] = 0.0;
            }
        }
    }

    /** Unpacks realForwardFull's interleaved complex layout. */
    private static void storeFull(double[][] s, int count, int nfft, ComplexMatrix out, int f0) {
        double[] re = out.re();
        double[] im = out.im();
        int cols = out.cols();
        for (int k = 0; k < nfft; k++) {
            int row = k * cols + f0;
            for (int j = 0; j < count; j++) {
                re[row + j] = s[j][2 * k];
                im[row + j] = s[j][2 * k + 1];
            }
        }
    }
}
