package org.convkit.api.conv;

import java.util.Arrays;

/**
 * An immutable, validated convolution configuration.
 *
 * @param mode      valid, same or full
 * @param correlate {@code true} for cross-correlation (no kernel flip, PyTorch's "convolution"),
 *                  {@code false} for the mathematical convolution {@code y[n] = sum_k x[k] w[n-k]}
 * @param stride    per-axis step of the output; one value applies to every axis; empty means 1
 * @param dilation  per-axis spacing of the kernel taps; one value applies to every axis; empty means 1
 * @param alignment where the odd sample goes in 'same' mode for even kernels
 */
public record ConvSpec(ConvMode mode, boolean correlate, int[] stride, int[] dilation, SameAlignment alignment) {

    public ConvSpec {
        if (mode == null || alignment == null) {
            throw new IllegalArgumentException("mode and alignment must not be null");
        }
        stride = stride == null ? new int[0] : stride.clone();
        dilation = dilation == null ? new int[0] : dilation.clone();
        for (int s : stride) {
            if (s < 1) {
                throw new IllegalArgumentException("stride must be >= 1, got " + Arrays.toString(stride));
            }
        }
        for (int d : dilation) {
            if (d < 1) {
                throw new IllegalArgumentException("dilation must be >= 1, got " + Arrays.toString(dilation));
            }
        }
    }

    /** scipy.signal.convolve semantics for the given mode. */
    public static ConvSpec convolve(ConvMode mode) {
        return new ConvSpec(mode, false, null, null, SameAlignment.NUMPY);
    }

    /** scipy.signal.correlate semantics for the given mode. */
    public static ConvSpec correlate(ConvMode mode) {
        return new ConvSpec(mode, true, null, null, SameAlignment.NUMPY);
    }

    public ConvSpec withStride(int... s) {
        return new ConvSpec(mode, correlate, s, dilation, alignment);
    }

    public ConvSpec withDilation(int... d) {
        return new ConvSpec(mode, correlate, stride, d, alignment);
    }

    public ConvSpec withAlignment(SameAlignment a) {
        return new ConvSpec(mode, correlate, stride, dilation, a);
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    /** Stride along {@code axis} of a rank-{@code rank} problem. */
    public int stride(int axis, int rank) {
        return perAxis(stride, axis, rank, "stride");
    }

    /** Dilation along {@code axis} of a rank-{@code rank} problem. */
    public int dilation(int axis, int rank) {
        return perAxis(dilation, axis, rank, "dilation");
    }

    /** True when every stride and dilation is 1. */
    public boolean isPlain() {
        return Arrays.stream(stride).allMatch(s -> s == 1) && Arrays.stream(dilation).allMatch(d -> d == 1);
    }

    private static int perAxis(int[] v, int axis, int rank, String what) {
        if (v.length == 0) {
            return 1;
        }
        if (v.length == 1) {
            return v[0];
        }
        if (v.length != rank) {
            throw new IllegalArgumentException(what + " " + Arrays.toString(v) + " has " + v.length
                    + " values for a rank-" + rank + " input");
        }
        return v[axis];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec s && mode == s.mode && correlate == s.correlate && alignment == s.alignment
                && Arrays.equals(stride, s.stride) && Arrays.equals(dilation, s.dilation);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * mode.hashCode() + Boolean.hashCode(correlate)) + Arrays.hashCode(stride))
                + Arrays.hashCode(dilation) + 7 * alignment.hashCode();
    }

    @Override
    public String toString() {
        return (correlate ? "correlate" : "convolve") + "(" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ", stride " + Arrays.toString(stride) + ", dilation " + Arrays.toString(dilation)
                + ", " + alignment + ")";
    }
}
