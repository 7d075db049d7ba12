package org.convkit.api.nn;

import java.util.Arrays;

/**
 * The spatial geometry of one convolution, shared by im2col and col2im: the source sizes
 * {@code in}, the column (output) sizes {@code out}, the zero padding before each axis and the
 * kernel, stride and dilation, so that output position {@code o} on axis {@code a} reads source
 * index {@code o s + r d - padBefore} for kernel tap {@code r} (zero outside {@code [0, in)}).
 *
 * <p>The output sizes are given, not derived: a transposed convolution with output padding runs
 * the same column transforms with a column size that the convolution formula would not produce.
 */
record ConvLayerGeometry(int[] in, int[] out, int[] padBefore, int[] kernel, int[] stride, int[] dilation) {

    ConvLayerGeometry {
        in = in.clone();
        out = out.clone();
        padBefore = padBefore.clone();
        kernel = kernel.clone();
        stride = stride.clone();
        dilation = dilation.clone();
        int r = in.length;
        if (out.length != r || padBefore.length != r || kernel.length != r || stride.length != r
                || dilation.length != r) {
            throw new IllegalArgumentException("geometry arrays of different ranks: in " + Arrays.toString(in)
                    + ", out " + Arrays.toString(out) + ", kernel " + Arrays.toString(kernel));
        }
    }

    /**
     * The geometry of a convolution of an input of spatial size {@code in} with {@code spec}:
     * {@code out = floor((n + padTotal - d (k - 1) - 1) / s) + 1}, padding as {@link Padding} defines.
     *
     * @throws IllegalArgumentException naming the shapes when the dilated kernel is larger than
     *                                  the padded input
     */
    static ConvLayerGeometry forConv(int[] in, int[] kernel, int[] stride, int[] dilation, Padding padding) {
        int r = in.length;
        int[] out = new int[r];
        int[] before = new int[r];
        int[] padded = new int[r];
        int[] span = new int[r];
        boolean fits = true;
        for (int a = 0; a < r; a++) {
            span[a] = dilation[a] * (kernel[a] - 1) + 1;
            int total;
            switch (padding.kind()) {
                case VALID -> total = 0;
                case SAME -> {
                    if (stride[a] == 1) {
                        total = span[a] - 1;
                    } else {
                        int o = (in[a] + stride[a] - 1) / stride[a];
                        total = Math.max((o - 1) * stride[a] + span[a] - in[a], 0);
                    }
                }
                default -> total = 2 * padding.amount(a, r);
            }
            before[a] = padding.kind() == Padding.Kind.EXPLICIT ? padding.amount(a, r) : total / 2;
            padded[a] = in[a] + total;
            fits &= padded[a] >= span[a];
            out[a] = fits ? (padded[a] - span[a]) / stride[a] + 1 : 0;
        }
        if (!fits) {
            throw new IllegalArgumentException("kernel " + dims(kernel) + " with dilation " + dims(dilation)
                    + " spans " + dims(span) + ", larger than the padded input " + dims(padded)
                    + " (input " + dims(in) + ", padding " + padding + ")");
        }
        return new ConvLayerGeometry(in, out, before, kernel, stride, dilation);
    }

    /** Positions per channel of the source. */
    int inSize() {
        return prod(in);
    }

    /** Positions per channel of the columns. */
    int outSize() {
        return prod(out);
    }

    /** Taps of the kernel. */
    int kernelSize() {
        return prod(kernel);
    }

    int rank() {
        return in.length;
    }

    /** Whether the columns are the source itself: a 1x1 kernel, stride 1, no padding. */
    boolean identity() {
        for (int a = 0; a < in.length; a++) {
            if (kernel[a] != 1 || stride[a] != 1 || padBefore[a] != 0 || out[a] != in[a]) {
                return false;
            }
        }
        return true;
    }

    static int prod(int[] v) {
        int p = 1;
        for (int x : v) {
            p = Math.multiplyExact(p, x);
        }
        return p;
    }

    /** {@code (7 x 3)}, as PyTorch prints sizes in its errors. */
    static String dims(int[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : " x ").append(v[i]);
        }
        return b.append(')').toString();
    }

    @Override
    public int[] in() {
        return in.clone();
    }

    @Override
    public int[] out() {
        return out.clone();
    }

    @Override
    public int[] padBefore() {
        return padBefore.clone();
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
        return o instanceof ConvLayerGeometry g && Arrays.equals(g.in, in) && Arrays.equals(g.out, out)
                && Arrays.equals(g.padBefore, padBefore) && Arrays.equals(g.kernel, kernel)
                && Arrays.equals(g.stride, stride) && Arrays.equals(g.dilation, dilation);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(in), Arrays.hashCode(out), Arrays.hashCode(padBefore),
            Arrays.hashCode(kernel), Arrays.hashCode(stride), Arrays.hashCode(dilation)});
    }

    @Override
    public String toString() {
        return "ConvLayerGeometry[in " + dims(in) + ", out " + dims(out) + ", padBefore " + dims(padBefore) + ", kernel "
                + dims(kernel) + ", stride " + dims(stride) + ", dilation " + dims(dilation) + "]";
    }
}
