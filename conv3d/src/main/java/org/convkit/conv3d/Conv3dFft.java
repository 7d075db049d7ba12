package org.convkit.conv3d;

import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Rank-3 correlation (see {@link ConvGeometry}) by real 3-d FFT, as scipy.signal.fftconvolve.
 *
 * <p>Sizes: each axis is padded to the smallest 2,3,5-smooth length {@code L} (even on the last
 * axis) with {@code L >= n + max(padLeft, padRight)}, enough for a circular correlation to equal
 * the zero-padded one on every output (for 'same' that is {@code n + K/2}, not {@code n + K - 1}).
 * The kernel is placed circularly at {@code (padLeft - j * dilation) mod L}, so the output starts
 * at index 0 of the circular result. Stride 1 on every axis; any dilation.
 *
 * <p>Precision: one kernel, in float64; float32 inputs are widened as they are read and rounded
 * once when written, so both dtypes get float64 transforms. For 256^3 float32 in 'same' mode the
 * half spectrum is 270 x 270 x 136 complex doubles (159 MB) and the output 64 MB.
 *
 * <p>Method: JTransforms 1-d transforms along each axis ({@link FftPlanes}): per input plane a real
 * FFT of its rows and a complex FFT along axis 1; then, per column along axis 0, forward FFT,
 * product with the kernel's spectrum, inverse FFT; then per output plane the inverse of the first
 * step. Each stage is split over {@code ctx.threads()} threads by planes or rows; every transform
 * is computed identically whatever the split, so results do not depend on the thread count.
 */
public final class Conv3dFft implements ConvEngine {

    /** Rough time per complex element and per log2 of the transform sizes (measured here from 96^3 to 256^3). */
    private static final double NS_PER_POINT_LOG = 3.0;

    @Override
    public String name() {
        return "conv3d-fft";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.FFT;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        if (g.rank() != 3) {
            return false;
        }
        for (int a = 0; a < 3; a++) {
            if (g.stride(a) != 1) {
                return false;
            }
        }
        int[] l = sizes(g);
        return 2L * l[0] * l[1] * (l[2] / 2 + 1) < Integer.MAX_VALUE - 8;
    }

    @Override
    public double cost(ConvGeometry g, DType dtype) {
        int[] l = sizes(g);
        double points = (double) l[0] * l[1] * (l[2] / 2 + 1);
        double logs = log2(l[0]) + log2(l[1]) + log2(l[2]);
        // forward of x, inverse, and the axis-0 transforms of the kernel: about 2.5 full transforms
        return NS_PER_POINT_LOG * 2.5 * points * logs + 2.0 * g.input().size() + 50_000;
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        if (!supports(g, x.dtype())) {
            throw new IllegalArgumentException(name() + " does not support " + g);
        }
        int[] l = sizes(g);
        Shape xs = g.input();
        Shape out = g.output();
        int threads = ctx.threads();
        int h = l[2] / 2 + 1;
        int plane = 2 * l[1] * h;
        double[] spec = new double[l[0] * plane];
        Parallel.forRange(xs.dim(0), threads, (lo, hi) -> {
            FftPlanes f = new FftPlanes(l[0], l[1], l[2]);
            for (int i0 = lo; i0 < hi; i0++) {
                int p = i0;
                f.forwardPlane(spec, p * plane, (i1, row) -> readRow(x, xs, p, i1, row));
            }
        });
        KernelPlanes kp = KernelPlanes.of(k, g, l);
        Parallel.forRange(l[1], threads, (lo, hi) -> {
            FftPlanes f = new FftPlanes(l[0], l[1], l[2]);
            for (int i1 = lo; i1 < hi; i1++) {
                f.multiplyAlongAxis0(spec, kp.planes(), kp.positions(), i1, out.dim(0));
            }
        });
        NdArray y = NdArray.zeros(x.dtype(), out);
        Parallel.forRange(out.dim(0), threads, (lo, hi) -> {
            FftPlanes f = new FftPlanes(l[0], l[1], l[2]);
            for (int o0 = lo; o0 < hi; o0++) {
                int p = o0;
                f.inversePlane(spec, p * plane, out.dim(1), out.dim(2),
                        (i1, row, n) -> writeRow(y, (p * out.dim(1) + i1) * n, row, n));
            }
        });
        return y;
    }

    /** FFT lengths per axis for {@code g}: fast sizes covering input and padding, the last even. */
    static int[] sizes(ConvGeometry g) {
        int[] l = new int[3];
        for (int a = 0; a < 3; a++) {
            int n = g.input().dim(a);
            int need = n + Math.max(g.padLeft(a), g.padRight(a));
            l[a] = a == 2 ? fastSize(need, true) : fastSize(need, false);
        }
        return l;
    }

    /** The smallest {@code 2^a 3^b 5^c >= n} (and even when asked). */
    static int fastSize(int n, boolean even) {
        for (int m = Math.max(n, even ? 2 : 1); ; m++) {
            if (even && m % 2 != 0) {
                continue;
            }
            int r = m;
            for (int p : new int[] {2, 3, 5}) {
                while (r % p == 0) {
                    r /= p;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }

    private static boolean readRow(NdArray x, Shape xs, int i0, int i1, double[] row) {
        if (i1 >= xs.dim(1)) {
            return false;
        }
        int n = xs.dim(2);
        int start = (i0 * xs.dim(1) + i1) * n;
        if (x instanceof FloatNd f) {
            float[] d = f.data();
            int o = f.offset() + start;
            for (int i = 0; i < n; i++) {
                row[i] = d[o + i];
            }
        } else {
            DoubleNd dn = (DoubleNd) x;
            System.arraycopy(dn.data(), dn.offset() + start, row, 0, n);
        }
        return true;
    }

    private static void writeRow(NdArray y, int start, double[] row, int n) {
        if (y instanceof FloatNd f) {
            float[] d = f.data();
            for (int i = 0; i < n; i++) {
                d[start + i] = (float) row[i];
            }
        } else {
            System.arraycopy(row, 0, ((DoubleNd) y).data(), start, n);
        }
    }

    private static double log2(int n) {
        return Math.log(Math.max(n, 2)) / Math.log(2);
    }

    /** Only the kernel's nonzero planes, after the axis-2 and axis-1 transforms, with their positions. */
    private record KernelPlanes(double[][] planes, int[] positions) {

        static KernelPlanes of(NdArray k, ConvGeometry g, int[] l) {
            Shape ks = g.kernel();
            int[][] pos = new int[3][];
            for (int a = 0; a < 3; a++) {
                pos[a] = new int[ks.dim(a)];
                for (int j = 0; j < ks.dim(a); j++) {
                    int tap = g.flip() ? ks.dim(a) - 1 - j : j;
                    // tap j of the applied kernel lands at (padLeft - j * dilation) mod L
                    pos[a][tap] = (int) Math.floorMod(g.padLeft(a) - (long) j * g.dilation(a), (long) l[a]);
                }
            }
            int[] distinct = Arrays.stream(pos[0]).distinct().toArray();
            FftPlanes f = new FftPlanes(l[0], l[1], l[2]);
            double[][] planes = new double[distinct.length][];
            for (int p = 0; p < distinct.length; p++) {
                int at = distinct[p];
                planes[p] = new double[2 * f.planeSize()];
                f.forwardPlane(planes[p], 0, (i1, row) -> {
                    boolean any = false;
                    for (int j0 = 0; j0 < ks.dim(0); j0++) {
                        if (pos[0][j0] != at) {
                            continue;
                        }
                        for (int j1 = 0; j1 < ks.dim(1); j1++) {
                            if (pos[1][j1] != i1) {
                                continue;
                            }
                            for (int j2 = 0; j2 < ks.dim(2); j2++) {
                                row[pos[2][j2]] += k.getDouble((j0 * ks.dim(1) + j1) * ks.dim(2) + j2);
                                any = true;
                            }
                        }
                    }
                    return any;
                });
            }
            return new KernelPlanes(planes, distinct);
        }
    }
}
