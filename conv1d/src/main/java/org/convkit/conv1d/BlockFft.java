package org.convkit.conv1d;

import org.convkit.api.parallel.Parallel;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Correlation by real FFTs of length {@code nfft} over consecutive output blocks (overlap-save):
 * output block {@code [o0, o0 + L)} with {@code L = nfft - K + 1} is the first {@code L} samples of
 * the circular correlation of the input span starting at {@code o0 - padLeft} with the kernel, where
 * no wrap-around reaches. Blocks never write the same output, so they run in parallel and the
 * result does not depend on the thread count. One block covering the whole output is the plain FFT
 * method.
 */
final class BlockFft {
    private BlockFft() {
    }

    /** Output samples each transform of length {@code nfft} yields for a kernel of {@code taps}. */
    static int blockLength(int nfft, int taps) {
        return nfft - taps + 1;
    }

    /**
     * Fills {@code y} with {@code y[o] = sum_j w[j] x[o + j - padLeft]} ({@code x} zero outside its
     * bounds) using transforms of length {@code nfft >= w.length}.
     */
    static void correlate(double[] x, double[] w, int padLeft, double[] y, int nfft, int threads) {
        int taps = w.length;
        int block = blockLength(nfft, taps);
        int blocks = (y.length + block - 1) / block;
        DoubleFFT_1D plan = Plans.of(nfft);
        double[] ws = new double[nfft];
        System.arraycopy(w, 0, ws, 0, taps);
        plan.realForward(ws);
        Parallel.forRange(blocks, threads, (from, to) -> {
            double[] buf = new double[nfft];
            for (int b = from; b < to; b++) {
                int o0 = b * block;
                int n = Math.min(block, y.length - o0);
                Conv1dDirect.copyPadded(x, o0 - padLeft, buf, Math.min(nfft, n + taps - 1));
                java.util.Arrays.fill(buf, Math.min(nfft, n + taps - 1), nfft, 0.0);
                plan.realForward(buf);
                multiplyByConjugate(buf, ws);
                plan.realInverse(buf, true);
                System.arraycopy(buf, 0, y, o0, n);
            }
        });
    }

    /**
     * {@code a[k] *= conj(b[k])} for spectra in JTransforms' packed format of an even length:
     * {@code a[0]} and {@code a[1]} hold the real DC and Nyquist terms, then (re, im) pairs.
     */
    static void multiplyByConjugate(double[] a, double[] b) {
        a[0] *= b[0];
        a[1] *= b[1];
        for (int i = 2; i < a.length; i += 2) {
            double ar = a[i];
            double ai = a[i + 1];
            double br = b[i];
            double bi = b[i + 1];
            a[i] = ar * br + ai * bi;
            a[i + 1] = ai * br - ar * bi;
        }
    }
}
