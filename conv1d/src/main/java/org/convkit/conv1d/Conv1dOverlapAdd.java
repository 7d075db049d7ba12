package org.convkit.conv1d;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;

/**
 * Block FFT convolution and correlation for long signals and much shorter kernels, the method of
 * scipy.signal.oaconvolve: the output is cut into blocks of {@code nfft - K + 1} samples, each
 * computed from one forward and one inverse real FFT of length {@code nfft} against the kernel's
 * spectrum, computed once. It is organised by output block (overlap-save) rather than by input block
 * (overlap-add) so that blocks never add into the same output: they run in parallel on
 * {@code ctx.threads()} threads with results independent of the thread count. The block length is
 * the power of two that minimises the cost model, as oaconvolve minimises its operation count.
 * Unit stride and dilation only; float64, with float32 converted at the edge.
 */
public final class Conv1dOverlapAdd implements ConvEngine {

    @Override
    public String name() {
        return "conv1d-overlap-add";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.OVERLAP_ADD;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        return Signal1d.isRank1(g) && g.isPlain() && 2L * g.kernel().dim(0) <= FftSizes.MAX;
    }

    @Override
    public double cost(ConvGeometry g, DType dtype) {
        return blockCost(g, blockSize(g));
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        double[] w = Signal1d.appliedKernel(k, g);
        double[] y = new double[g.output().dim(0)];
        BlockFft.correlate(Signal1d.samples(x), w, g.padLeft(0), y, blockSize(g), ctx.threads());
        return Signal1d.result(y, g.output(), x.dtype());
    }

    /** The power-of-two transform length, at least twice the kernel, with the lowest estimated cost. */
    static int blockSize(ConvGeometry g) {
        int taps = g.kernel().dim(0);
        long whole = (long) g.output().dim(0) + taps - 1;
        int best = Integer.highestOneBit(Math.max(2, 2 * taps - 1)) << 1;
        double bestCost = blockCost(g, best);
        for (long n = 2L * best; n <= FftSizes.MAX && n / 2 < whole; n *= 2) {
            double c = blockCost(g, (int) n);
            if (c < bestCost) {
                best = (int) n;
                bestCost = c;
            }
        }
        return best;
    }

    /** The kernel's transform, then per block a forward and an inverse transform, product and copies. */
    private static double blockCost(ConvGeometry g, int nfft) {
        int block = BlockFft.blockLength(nfft, g.kernel().dim(0));
        long blocks = (g.output().dim(0) + block - 1) / block;
        return 5_000 + 4.0 * nfft + FftSizes.nanos(nfft) + blocks * (2 * FftSizes.nanos(nfft) + 8.0 * nfft);
    }
}
