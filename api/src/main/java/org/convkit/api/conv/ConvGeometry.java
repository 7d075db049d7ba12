package org.convkit.api.conv;

import java.util.Arrays;
import org.convkit.api.nd.Shape;

/**
 * A convolution problem resolved to index arithmetic, in correlation form:
 * {@code y[o] = sum_j w[j] x[o * stride + j * dilation - padLeft]}, with {@code x} zero outside its
 * bounds and {@code w} the kernel as applied (the given kernel flipped on every axis when
 * {@link #flip()} is true, i.e. for a convolution). Engines receive this and never see the
 * scipy-style input swap of 'valid' mode, which {@link Convolution} performs before.
 */
public final class ConvGeometry {
    private final Shape x;
    private final Shape k;
    private final Shape out;
    private final boolean flip;
    private final int[] stride;
    private final int[] dilation;
    private final int[] padLeft;
    private final int[] padRight;

    private ConvGeometry(Shape x, Shape k, boolean flip, int[] stride, int[] dilation, int[] padLeft, int[] padRight) {
        this.x = x;
        this.k = k;
        this.flip = flip;
        this.stride = stride;
        this.dilation = dilation;
        this.padLeft = padLeft;
        this.padRight = padRight;
        int[] o = new int[x.rank()];
        for (int a = 0; a < o.length; a++) {
            o[a] = (x.dim(a) + padLeft[a] + padRight[a] - effectiveKernel(a)) / stride[a] + 1;
        }
        this.out = Shape.of(o);
    }

    /**
     * Resolves {@code spec} for an input of shape {@code x} and a kernel of shape {@code k}, without
     * swapping: 'valid' mode needs the kernel to fit the input on every axis.
     *
     * @throws IllegalArgumentException with the shapes involved when the ranks differ, an array is
     *                                  empty, or the kernel is larger than the padded input
     */
    public static ConvGeometry of(Shape x, Shape k, ConvSpec spec) {
        int rank = x.rank();
        if (k.rank() != rank) {
            throw new IllegalArgumentException("input " + x + " has rank " + rank + " but kernel " + k
                    + " has rank " + k.rank());
        }
        if (rank == 0) {
            throw new IllegalArgumentException("convolution needs arrays of rank >= 1, got scalars");
        }
        if (x.size() == 0 || k.size() == 0) {
            throw new IllegalArgumentException("empty input " + x + " or kernel " + k);
        }
        int[] s = new int[rank];
        int[] d = new int[rank];
        int[] left = new int[rank];
        int[] right = new int[rank];
        int[] padded = new int[rank];
        int[] keff = new int[rank];
        boolean fits = true;
        for (int a = 0; a < rank; a++) {
            s[a] = spec.stride(a, rank);
            d[a] = spec.dilation(a, rank);
            keff[a] = (k.dim(a) - 1) * d[a] + 1;
            int n = x.dim(a);
            int total = switch (spec.mode()) {
                case VALID -> 0;
                case FULL -> 2 * (keff[a] - 1);
                case SAME -> s[a] == 1 ? keff[a] - 1
                        // TensorFlow's strided 'same': ceil(n / s) outputs.
                        : Math.max(((n + s[a] - 1) / s[a] - 1) * s[a] + keff[a] - n, 0);
            };
            left[a] = spec.mode() == ConvMode.FULL ? keff[a] - 1 : spec.alignment().left(total, !spec.correlate());
            right[a] = total - left[a];
            padded[a] = n + total;
            fits &= padded[a] >= keff[a];
        }
        if (!fits) {
            throw new IllegalArgumentException("kernel " + k + (spec.isPlain() ? "" : " (dilated " + Shape.of(keff) + ")")
                    + " is larger than the padded input " + Shape.of(padded));
        }
        return new ConvGeometry(x, k, !spec.correlate(), s, d, left, right);
    }

    /**
     * scipy's rule for 'valid' mode: when the input is not at least as large as the kernel on every
     * axis but the kernel is at least as large as the input on every axis, the two are swapped.
     *
     * @throws IllegalArgumentException when neither dominates the other
     */
    public static boolean validNeedsSwap(Shape x, Shape k) {
        boolean xCovers = true;
        boolean kCovers = true;
        for (int a = 0; a < Math.min(x.rank(), k.rank()); a++) {
            xCovers &= x.dim(a) >= k.dim(a);
            kCovers &= k.dim(a) >= x.dim(a);
        }
        if (!xCovers && !kCovers) {
            throw new IllegalArgumentException("for 'valid' mode one of input " + x + " and kernel " + k
                    + " must be at least as large as the other on every axis");
        }
        return !xCovers;
    }

    public int rank() {
        return x.rank();
    }

    public Shape input() {
        return x;
    }

    public Shape kernel() {
        return k;
    }

    public Shape output() {
        return out;
    }

    /** True when the kernel is flipped before the correlation (a convolution). */
    public boolean flip() {
        return flip;
    }

    public int stride(int axis) {
        return stride[axis];
    }

    public int dilation(int axis) {
        return dilation[axis];
    }

    public int padLeft(int axis) {
        return padLeft[axis];
    }

    public int padRight(int axis) {
        return padRight[axis];
    }

    /** Kernel extent along {@code axis} once dilated: {@code (K - 1) * dilation + 1}. */
    public int effectiveKernel(int axis) {
        return (k.dim(axis) - 1) * dilation[axis] + 1;
    }

    /** True when every stride and dilation is 1. */
    public boolean isPlain() {
        return Arrays.stream(stride).allMatch(v -> v == 1) && Arrays.stream(dilation).allMatch(v -> v == 1);
    }

    /** Multiply-adds of the direct method, counting every tap (padding included). */
    public double directMacs() {
        return (double) out.size() * k.size();
    }

    @Override
    public String toString() {
        return "ConvGeometry[x " + x + ", k " + k + ", out " + out + (flip ? ", convolve" : ", correlate")
                + ", stride " + Arrays.toString(stride) + ", dilation " + Arrays.toString(dilation)
                + ", pad " + Arrays.toString(padLeft) + "/" + Arrays.toString(padRight) + "]";
    }
}
