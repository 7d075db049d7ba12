package org.convkit.api.nn;

import java.util.Arrays;

/**
 * A convolution layer, PyTorch's {@code ConvNd}: a cross-correlation over all input channels of a
 * group, one filter per output channel, plus a bias:
 * {@code y[n,o,i] = b[o] + sum_c sum_r w[o,c,r] x[n, g*C/G + c, i*s + r*d - pad]}.
 * Weight shape {@code [out, in / groups, k...]}.
 */
public record ConvLayerSpec(int rank, int inChannels, int outChannels, int[] kernel, int[] stride,
        Padding padding, int[] dilation, int groups, boolean bias) implements LayerSpec {

    public ConvLayerSpec {
        Specs.checkRank(rank);
        Specs.checkChannels(inChannels, outChannels, groups);
        kernel = Specs.perAxis("kernel", kernel, rank, 1);
        stride = Specs.perAxis("stride", stride, rank, 1);
        dilation = Specs.perAxis("dilation", dilation, rank, 1);
        if (padding.kind() == Padding.Kind.EXPLICIT) {
            padding = Padding.of(Specs.perAxis("padding", padding.amounts(), rank, 0));
        }
    }

    /** A stride-1, undilated, ungrouped convolution with bias. */
    public static ConvLayerSpec of(int rank, int in, int out, int kernel, Padding padding) {
        return new ConvLayerSpec(rank, in, out, new int[] {kernel}, new int[] {1}, padding, new int[] {1}, 1, true);
    }

    @Override
    public String type() {
        return "conv";
    }

    /**
     * The spatial output size for the spatial input size {@code inputSize} ({@code rank} values,
     * no batch or channel axis), as {@link ConvLayer#outputShape} computes it, without building
     * the layer's weights.
     *
     * @throws IllegalArgumentException naming the sizes when the dilated kernel is larger than the padded input
     */
    public int[] outputSize(int... inputSize) {
        if (inputSize.length != rank) {
            throw new IllegalArgumentException(this + " needs " + rank + " spatial sizes, got " + Arrays.toString(inputSize));
        }
        return ConvLayerGeometry.forConv(inputSize, kernel, stride, dilation, padding).out();
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
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvLayerSpec s && s.rank == rank && s.inChannels == inChannels
                && s.outChannels == outChannels && Arrays.equals(s.kernel, kernel) && Arrays.equals(s.stride, stride)
                && s.padding.equals(padding) && Arrays.equals(s.dilation, dilation) && s.groups == groups
                && s.bias == bias;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {rank, inChannels, outChannels, Arrays.hashCode(kernel),
            Arrays.hashCode(stride), padding.hashCode(), Arrays.hashCode(dilation), groups, bias ? 1 : 0});
    }

    @Override
    public String toString() {
        return "Conv" + rank + "d(" + inChannels + "->" + outChannels + ", k=" + Arrays.toString(kernel)
                + ", s=" + Arrays.toString(stride) + ", p=" + padding + ", d=" + Arrays.toString(dilation)
                + ", g=" + groups + (bias ? "" : ", no bias") + ")";
    }
}
