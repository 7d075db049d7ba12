package org.convkit.api.nn;

import java.util.Arrays;

/**
 * A transposed convolution, PyTorch's {@code ConvTransposeNd} (the adjoint of a strided
 * convolution, used for up-sampling): output size {@code (n - 1) s - 2 p + d (k - 1) + outputPadding + 1}.
 * Weight shape {@code [in, out / groups, k...]}.
 */
public record ConvTransposeLayerSpec(int rank, int inChannels, int outChannels, int[] kernel, int[] stride,
        int[] padding, int[] outputPadding, int[] dilation, int groups, boolean bias) implements LayerSpec {

    public ConvTransposeLayerSpec {
        Specs.checkRank(rank);
        Specs.checkChannels(inChannels, outChannels, groups);
        kernel = Specs.perAxis("kernel", kernel, rank, 1);
        stride = Specs.perAxis("stride", stride, rank, 1);
        padding = Specs.perAxis("padding", padding, rank, 0);
        outputPadding = Specs.perAxis("outputPadding", outputPadding, rank, 0);
        dilation = Specs.perAxis("dilation", dilation, rank, 1);
        for (int i = 0; i < rank; i++) {
            if (outputPadding[i] >= Math.max(stride[i], dilation[i])) {
                throw new IllegalArgumentException("outputPadding " + Arrays.toString(outputPadding)
                        + " must be smaller than stride or dilation on every axis");
            }
        }
    }

    /** The UNet up-sampling layer: kernel = stride = {@code factor}, no padding. */
    public static ConvTransposeLayerSpec upsample(int rank, int in, int out, int factor) {
        return new ConvTransposeLayerSpec(rank, in, out, new int[] {factor}, new int[] {factor}, new int[] {0},
                new int[] {0}, new int[] {1}, 1, true);
    }

    @Override
    public String type() {
        return "convtranspose";
    }

    @Override
    public int[] kernel() {
        return kernel.clone();
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public int[] padding() {
        return padding.clone();
    }

    @Override
    public int[] outputPadding() {
        return outputPadding.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvTransposeLayerSpec s && s.rank == rank && s.inChannels == inChannels
                && s.outChannels == outChannels && Arrays.equals(s.kernel, kernel) && Arrays.equals(s.stride, stride)
                && Arrays.equals(s.padding, padding) && Arrays.equals(s.outputPadding, outputPadding)
                && Arrays.equals(s.dilation, dilation) && s.groups == groups && s.bias == bias;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {rank, inChannels, outChannels, Arrays.hashCode(kernel),
            Arrays.hashCode(stride), Arrays.hashCode(padding), Arrays.hashCode(outputPadding),
            Arrays.hashCode(dilation), groups, bias ? 1 : 0});
    }

    @Override
    public String toString() {
        return "ConvTranspose" + rank + "d(" + inChannels + "->" + outChannels + ", k=" + Arrays.toString(kernel)
                + ", s=" + Arrays.toString(stride) + ", p=" + Arrays.toString(padding) + ")";
    }
}
