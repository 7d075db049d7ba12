package org.convkit.conv3d;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Direct rank-3 correlation {@code y[o] = sum_j w[j] x[o * stride + j * dilation - padLeft]} (see
 * {@link ConvGeometry}) for float32 volumes, matching scipy.signal.convolve / correlate with
 * method='direct' up to float32 rounding.
 *
 * <p>Precision: the kernel is written once, in float32 (the precision policy for volumes), with
 * float32 accumulation by fused multiply-add in a fixed tap order. float64 problems are declined
 * (they would silently lose precision here) and go to {@link Conv3dFft}, which computes in float64.
 *
 * <p>Method: the input is copied once with its last axis zero-padded; each output row is then a
 * list of (input row, weight) taps summed by {@code DirectRows} with the Vector API. Any dilation,
 * and strides on the first two axes, are supported; a stride on the last axis is declined. Output
 * planes are split over {@code ctx.threads()} threads; every output element is computed by the same
 * code in the same order, so results are bit-identical for any thread count. The engine is offered
 * only when the {@code jdk.incubator.vector} module is present at run time.
 */
public final class Conv3dDirect implements ConvEngine {

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Rough time of one float32 multiply-add here (2 x 8-lane fma per cycle at most; measured ~13 G/s). */
    private static final double NS_PER_MAC = 0.08;
    /** Rough time to copy one input element into the padded buffer. */
    private static final double NS_PER_COPY = 1.0;

    @Override
    public String name() {
        return "conv3d-direct";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.DIRECT;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        return VECTOR_API && g.rank() == 3 && dtype == DType.FLOAT32 && g.stride(2) == 1
                && paddedWidth(g) * g.input().dim(0) * g.input().dim(1) < Integer.MAX_VALUE - 8;
    }

    @Override
    public double cost(ConvGeometry g, DType dtype) {
        Shape out = g.output();
        double lanes = (double) out.dim(0) * out.dim(1) * roundUp(out.dim(2), 8);
        return NS_PER_MAC * lanes * g.kernel().size() + NS_PER_COPY * g.input().size() + 20_000;
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        if (!supports(g, x.dtype())) {
            throw new IllegalArgumentException(name() + " does not support " + g + " in " + x.dtype());
        }
        Shape xs = g.input();
        Shape out = g.output();
        int n0 = xs.dim(0);
        int n1 = xs.dim(1);
        int n2 = xs.dim(2);
        int out2 = out.dim(2);
        int pad2 = g.padLeft(2);
        int width = (int) paddedWidth(g);
        float[] xp = padRows(x.toFloat(), n0 * n1, n2, pad2, width, ctx.threads());
        float[] w = appliedKernel(k.toFloat(), g);
        float[] y = new float[out.size()];
        Parallel.forRange(out.dim(0), ctx.threads(), (lo, hi) -> planes(xp, width, w, g, y, lo, hi));
        return new FloatNd(y, 0, out);
    }

    /** Output planes {@code [lo, hi)}. */
    private static void planes(float[] xp, int width, float[] w, ConvGeometry g, float[] y, int lo, int hi) {
        Shape xs = g.input();
        Shape ks = g.kernel();
        int out1 = g.output().dim(1);
        int out2 = g.output().dim(2);
        int[] off = new int[ks.size()];
        float[] tw = new float[ks.size()];
        float[] tail = new float[DirectRows.LANES];
        for (int oz = lo; oz < hi; oz++) {
            for (int oy = 0; oy < out1; oy++) {
                int taps = 0;
                for (int j0 = 0; j0 < ks.dim(0); j0++) {
                    int iz = oz * g.stride(0) + j0 * g.dilation(0) - g.padLeft(0);
                    if (iz < 0 || iz >= xs.dim(0)) {
                        continue;
                    }
                    for (int j1 = 0; j1 < ks.dim(1); j1++) {
                        int iy = oy * g.stride(1) + j1 * g.dilation(1) - g.padLeft(1);
                        if (iy < 0 || iy >= xs.dim(1)) {
                            continue;
                        }
                        int rowStart = (iz * xs.dim(1) + iy) * width;
                        int wStart = (j0 * ks.dim(1) + j1) * ks.dim(2);
                        for (int j2 = 0; j2 < ks.dim(2); j2++) {
                            off[taps] = rowStart + j2 * g.dilation(2);
                            tw[taps] = w[wStart + j2];
                            taps++;
                        }
                    }
                }
                DirectRows.row(xp, off, tw, taps, y, (oz * out1 + oy) * out2, out2, tail);
            }
        }
    }

    /** The input's rows, each placed at {@code pad} in a zero row of {@code width}. */
    private static float[] padRows(FloatNd x, int rows, int n, int pad, int width, int threads) {
        float[] src = x.data();
        int base = x.offset();
        float[] xp = new float[rows * width];
        Parallel.forRange(rows, threads, (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                System.arraycopy(src, base + r * n, xp, r * width + pad, n);
            }
        });
        return xp;
    }

    /** The kernel as applied in the correlation form: flipped on every axis for a convolution. */
    static float[] appliedKernel(FloatNd k, ConvGeometry g) {
        float[] w = k.toArray();
        if (g.flip()) {
            for (int i = 0, j = w.length - 1; i < j; i++, j--) {
                float t = w[i];
                w[i] = w[j];
                w[j] = t;
            }
        }
        return w;
    }

    /** Row length of the padded input: room for the left padding and every vector read. */
    private static long paddedWidth(ConvGeometry g) {
        return Math.max((long) g.padLeft(2) + g.input().dim(2),
                roundUp(g.output().dim(2), 64) + (long) g.effectiveKernel(2) - 1);
    }

    static int roundUp(int n, int m) {
        return (n + m - 1) / m * m;
    }
}
