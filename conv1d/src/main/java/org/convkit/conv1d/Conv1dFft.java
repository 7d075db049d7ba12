package org.convkit.conv1d;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;

/**
 * 1-d convolution and correlation by one real FFT (JTransforms {@code DoubleFFT_1D}, packed
 * {@code realForward}/{@code realInverse}) of the input, padded to a fast length (a power of two or
 * another product of 2, 3 and 5) of at least {@code out + K - 1}: the output is read from the
 * circular correlation where no wrap-around reaches. Matches scipy.signal.fftconvolve to rounding;
 * unit stride and dilation only, any mode. Computed in float64; float32 is converted at the edge.
 * JTransforms may use its own threads for long transforms; {@code ctx.threads()} is not used.
 */
public final class Conv1dFft implements ConvEngine {

    @Override
    public String name() {
        return "conv1d-fft";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.FFT;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        return Signal1d.isRank1(g) && g.isPlain() && span(g) <= FftSizes.MAX;
    }

    /** Three transforms, the spectral product, plan set-up and copies. */
    @Override
    public double cost(ConvGeometry g, DType dtype) {
        int nfft = FftSizes.fastSize((int) span(g));
        return 5_000 + 3 * FftSizes.nanos(nfft) + 8.0 * nfft;
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        double[] w = Signal1d.appliedKernel(k, g);
        double[] y = new double[g.output().dim(0)];
        BlockFft.correlate(Signal1d.samples(x), w, g.padLeft(0), y, FftSizes.fastSize((int) span(g)), 1);
        return Signal1d.result(y, g.output(), x.dtype());
    }

    /** Length of the linear correlation that must fit without wrap-around: {@code out + K - 1}. */
    private static long span(ConvGeometry g) {
        return (long) g.output().dim(0) + g.kernel().dim(0) - 1;
    }
}
