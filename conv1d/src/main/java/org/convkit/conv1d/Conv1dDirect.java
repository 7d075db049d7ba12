package org.convkit.conv1d;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;
import org.convkit.api.parallel.Parallel;

/**
 * Direct 1-d convolution and correlation: {@code y[o] = sum_j w[j] x[o * stride + j * dilation - padLeft]}
 * (see {@link ConvGeometry}), any mode, stride and dilation. Outputs are computed in blocks of
 * {@value #BLOCK}: the block's input span is copied, zero-padded, into a zero-based scratch array and
 * handed to a {@link DirectKernel} (Vector API when available). Blocks run in parallel on
 * {@code ctx.threads()} threads; each output is the same fused multiply-add chain whichever thread
 * computes it, so results do not depend on the thread count. Matches scipy.signal.convolve /
 * correlate with method='direct' to rounding. float32 inputs are computed in float64 and rounded.
 */
public final class Conv1dDirect implements ConvEngine {
    static final int BLOCK = 1024;
    /** Below this many multiply-adds a second thread costs more than it saves. */
    private static final double PARALLEL_MACS = 1 << 18;

    private final DirectKernel kernel;

    /** The engine with the fastest kernel available at run time. */
    public Conv1dDirect() {
        this(DirectKernel.best());
    }

    Conv1dDirect(DirectKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return "conv1d-direct";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.DIRECT;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        return Signal1d.isRank1(g);
    }

    /** Measured on this machine class: ~0.13 ns per multiply-add on the SIMD path, ~0.4 without. */
    @Override
    public double cost(ConvGeometry g, DType dtype) {
        double perMac = g.stride(0) == 1 && kernel instanceof VectorDirectKernel ? 0.13 : 0.4;
        return 3_000 + g.directMacs() * perMac + 2.0 * (g.input().size() + g.output().size());
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        double[] xv = Signal1d.samples(x);
        double[] w = Signal1d.appliedKernel(k, g);
        int out = g.output().dim(0);
        double[] y = new double[out];
        int blocks = (out + BLOCK - 1) / BLOCK;
        int threads = g.directMacs() < PARALLEL_MACS ? 1 : ctx.threads();
        Parallel.forRange(blocks, threads, (from, to) -> run(xv, w, g, y, from, to));
        return Signal1d.result(y, g.output(), x.dtype());
    }

    /** Computes output blocks {@code [from, to)}. */
    private void run(double[] x, double[] w, ConvGeometry g, double[] y, int from, int to) {
        int stride = g.stride(0);
        int dil = g.dilation(0);
        int span = (BLOCK - 1) * stride + g.effectiveKernel(0);
        double[] xs = new double[span];
        double[] acc = new double[BLOCK];
        for (int b = from; b < to; b++) {
            int o0 = b * BLOCK;
            int n = Math.min(BLOCK, y.length - o0);
            int start = o0 * stride - g.padLeft(0);
            int len = (n - 1) * stride + g.effectiveKernel(0);
            copyPadded(x, start, xs, len);
            if (stride == 1) {
                kernel.correlate(xs, w, dil, acc, n);
            } else {
                for (int i = 0; i < n; i++) {
                    acc[i] = DirectKernel.dot(xs, i * stride, w, dil);
                }
            }
            System.arraycopy(acc, 0, y, o0, n);
        }
    }

    /** {@code xs[t] = x[start + t]} for {@code t < len}, zero where that index is outside {@code x}. */
    static void copyPadded(double[] x, int start, double[] xs, int len) {
        int lo = Math.max(0, -start);
        int hi = Math.min(len, x.length - start);
        if (hi <= lo) {
            java.util.Arrays.fill(xs, 0, len, 0.0);
            return;
        }
        java.util.Arrays.fill(xs, 0, lo, 0.0);
        System.arraycopy(x, start + lo, xs, lo, hi - lo);
        java.util.Arrays.fill(xs, hi, len, 0.0);
    }

    @Override
    public String toString() {
        return name() + "[" + kernel.name() + "]";
    }
}
