package org.convkit.api.nn;

import java.util.Arrays;

/**
 * Max or average pooling, PyTorch's {@code MaxPoolNd}/{@code AvgPoolNd} in floor mode with
 * symmetric zero-or-more padding per axis: output size {@code floor((n + 2 p - k) / s) + 1}.
 *
 * <p>Padding never takes part in a maximum (it acts as {@code -inf}, as in PyTorch). Average
 * pooling divides by the full kernel volume whatever the window overlaps, PyTorch's default
 * {@code count_include_pad=True}: padded positions count as zeros. As PyTorch requires, padding
 * is at most half the kernel ({@code p <= k / 2}), so every window holds an input element.
 * Max pooling routes the gradient to the winner only (the first maximum in scan order on ties);
 * average pooling spreads it evenly.
 *
 * @param padding per axis (1 or {@code rank} values, each at least 0); the 4-argument constructor
 *     means no padding
 */
public record PoolLayerSpec(Kind kind, int rank, int[] kernel, int[] stride, int[] padding) implements LayerSpec {

    public enum Kind { MAX, AVG }

    public PoolLayerSpec {
        Specs.checkRank(rank);
        kernel = Specs.perAxis("kernel", kernel, rank, 1);
        stride = Specs.perAxis("stride", stride, rank, 1);
        padding = Specs.perAxis("padding", padding, rank, 0);
        for (int a = 0; a < rank; a++) {
            if (padding[a] > kernel[a] / 2) {
                throw new IllegalArgumentException("padding " + Arrays.toString(padding)
                        + " must be at most half the kernel " + Arrays.toString(kernel) + " on every axis, as torch"
                        + " requires (axis " + a + ": " + padding[a] + " > " + kernel[a] + " / 2)");
            }
        }
    }

    /** Pooling without padding. */
    public PoolLayerSpec(Kind kind, int rank, int[] kernel, int[] stride) {
        this(kind, rank, kernel, stride, new int[] {0});
    }

    /** Pooling with kernel = stride = {@code size}, the seed's 2x2 pool for {@code size} 2. */
    public static PoolLayerSpec max(int rank, int size) {
        return new PoolLayerSpec(Kind.MAX, rank, new int[] {size}, new int[] {size});
    }

    public static PoolLayerSpec avg(int rank, int size) {
        return new PoolLayerSpec(Kind.AVG, rank, new int[] {size}, new int[] {size});
    }

    @Override
    public String type() {
        return kind == Kind.MAX ? "maxpool" : "avgpool";
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

    /** Whether some axis is padded. */
    public boolean padded() {
        for (int p : padding) {
            if (p != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The output's spatial sizes for an input of spatial sizes {@code in} ({@code rank} values):
     * {@code floor((n + 2 p - k) / s) + 1} per axis.
     *
     * @throws IllegalArgumentException when {@code in} does not have {@code rank} sizes or the kernel
     *     is larger than the padded input on some axis
     */
    public int[] outputSize(int[] in) {
        if (in.length != rank) {
            throw new IllegalArgumentException(this + " expects " + rank + " spatial sizes, got " + Arrays.toString(in));
        }
        int[] out = new int[rank];
        for (int a = 0; a < rank; a++) {
            long padded = (long) in[a] + 2L * padding[a];
            if (in[a] < 1 || padded < kernel[a]) {
                throw new IllegalArgumentException(this + ": kernel " + Arrays.toString(kernel)
                        + " is larger than the padded input " + Arrays.toString(in) + " + 2 x "
                        + Arrays.toString(padding));
            }
            out[a] = (int) ((padded - kernel[a]) / stride[a] + 1);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolLayerSpec s && s.kind == kind && s.rank == rank && Arrays.equals(s.kernel, kernel)
                && Arrays.equals(s.stride, stride) && Arrays.equals(s.padding, padding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {kind.ordinal(), rank, Arrays.hashCode(kernel), Arrays.hashCode(stride),
                Arrays.hashCode(padding)});
    }

    @Override
    public String toString() {
        return (kind == Kind.MAX ? "MaxPool" : "AvgPool") + rank + "d(k=" + Arrays.toString(kernel) + ", s="
                + Arrays.toString(stride) + (padded() ? ", p=" + Arrays.toString(padding) : "") + ")";
    }
}
