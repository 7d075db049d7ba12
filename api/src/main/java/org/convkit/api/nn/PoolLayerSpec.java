package org.convkit.api.nn;

import java.util.Arrays;

/**
 * Max or average pooling, PyTorch's {@code MaxPoolNd}/{@code AvgPoolNd} with padding 0 and floor
 * mode: output size {@code floor((n - k) / s) + 1}. Max pooling routes the gradient to the
 * winner only (the first maximum in scan order on ties); average pooling spreads it evenly.
 */
public record PoolLayerSpec(Kind kind, int rank, int[] kernel, int[] stride) implements LayerSpec {

    public enum Kind { MAX, AVG }

    public PoolLayerSpec {
        Specs.checkRank(rank);
        kernel = Specs.perAxis("kernel", kernel, rank, 1);
        stride = Specs.perAxis("stride", stride, rank, 1);
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
    public boolean equals(Object o) {
        return o instanceof PoolLayerSpec s && s.kind == kind && s.rank == rank && Arrays.equals(s.kernel, kernel)
                && Arrays.equals(s.stride, stride);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {kind.ordinal(), rank, Arrays.hashCode(kernel), Arrays.hashCode(stride)});
    }

    @Override
    public String toString() {
        return (kind == Kind.MAX ? "MaxPool" : "AvgPool") + rank + "d(k=" + Arrays.toString(kernel) + ", s="
                + Arrays.toString(stride) + ")";
    }
}
