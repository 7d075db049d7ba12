package org.convkit.api.ndimage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * scipy.ndimage's linear filters for arrays of any rank, with origin 0. Every result has the shape
 * and dtype of the input, which is never modified; arithmetic is float64 in the reference, while
 * the fast float32 engines (found through {@link FilterEngine}) work in float32. The calls without a
 * {@link ConvContext} use one thread; {@link ConvMethod#REFERENCE} in the context forces the
 * literal reference.
 *
 * <p>Dispatch: kernels given as 1-d factors (Sobel, Gaussian, uniform, {@link Separable}) run as
 * one pass per axis; an N-d kernel found to be rank 1 does too, unless the boundary is a non-zero
 * constant (where per-axis passes would differ from the N-d sum); others run as a direct N-d
 * correlation. The first engine that supports the problem computes it, else {@link ReferenceFilter}.
 */
public final class NdImage {
    private static final ReferenceFilter REFERENCE = new ReferenceFilter();

    private NdImage() {
    }

    /** scipy.ndimage.correlate(x, w, mode, cval): {@code y[i] = sum_j w[j] x[i + j - K/2]}. */
    public static NdArray correlate(NdArray x, NdArray w, Boundary mode, double cval) {
        return correlate(x, w, mode, cval, ConvContext.defaults());
    }

    public static NdArray correlate(NdArray x, NdArray w, Boundary mode, double cval, ConvContext ctx) {
        checkKernel(x, w);
        int[] centre = new int[w.shape().rank()];
        for (int a = 0; a < centre.length; a++) {
            centre[a] = w.shape().dim(a) / 2;
        }
        return direct(x, w.toDouble(), centre, mode, cval, ctx);
    }

    /**
     * scipy.ndimage.convolve(x, w, mode, cval): correlation with {@code w} flipped on every axis,
     * centred at {@code (K - 1) / 2} of the flipped kernel (for even {@code K}, one before the middle).
     */
    public static NdArray convolve(NdArray x, NdArray w, Boundary mode, double cval) {
        return convolve(x, w, mode, cval, ConvContext.defaults());
    }

    public static NdArray convolve(NdArray x, NdArray w, Boundary mode, double cval, ConvContext ctx) {
        checkKernel(x, w);
        double[] k = w.toDouble().toArray();
        double[] flipped = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            flipped[k.length - 1 - i] = k[i];
        }
        int[] centre = new int[w.shape().rank()];
        for (int a = 0; a < centre.length; a++) {
            centre[a] = (w.shape().dim(a) - 1) / 2;
        }
        return direct(x, DoubleNd.of(w.shape(), flipped), centre, mode, cval, ctx);
    }

    /** scipy.ndimage.correlate1d(x, w, axis, mode, cval): the 1-d kernel along one axis, centred at {@code K/2}. */
    public static NdArray correlate1d(NdArray x, double[] w, int axis, Boundary mode, double cval) {
        return correlate1d(x, w, axis, mode, cval, ConvContext.defaults());
    }

    public static NdArray correlate1d(NdArray x, double[] w, int axis, Boundary mode, double cval, ConvContext ctx) {
        int rank = checkRank(x);
        checkAxis(axis, rank);
        if (w.length == 0) {
            throw new IllegalArgumentException("correlate1d needs a non-empty kernel");
        }
        double[][] ws = new double[rank][];
        ws[axis] = w.clone();
        int[] centre = new int[rank];
        centre[axis] = w.length / 2;
        return separable(x, ws, centre, mode, cval, ctx);
    }

    /** Correlation with a separable kernel: its factors applied along their axes, axis 0 first, each centred at {@code K/2}. */
    public static NdArray correlate(NdArray x, Separable w, Boundary mode, double cval, ConvContext ctx) {
        int rank = checkRank(x);
        if (w.rank() != rank) {
            throw new IllegalArgumentException("input " + x.shape() + " has rank " + rank + " but the separable kernel has "
                    + w.rank() + " factors");
        }
        double[][] ws = w.factors();
        int[] centre = new int[rank];
        for (int a = 0; a < rank; a++) {
            centre[a] = ws[a].length / 2;
        }
        return separable(x, ws, centre, mode, cval, ctx);
    }

    /** scipy.ndimage.sobel(x, axis, mode, cval): {@code [-1, 0, 1]} along {@code axis}, {@code [1, 2, 1]} along the others. */
    public static NdArray sobel(NdArray x, int axis, Boundary mode, double cval) {
        return sobel(x, axis, mode, cval, ConvContext.defaults());
    }

    public static NdArray sobel(NdArray x, int axis, Boundary mode, double cval, ConvContext ctx) {
        int rank = checkRank(x);
        checkAxis(axis, rank);
        double[][] ws = new double[rank][];
        int[] centre = new int[rank];
        for (int a = 0; a < rank; a++) {
            ws[a] = a == axis ? new double[] {-1, 0, 1} : new double[] {1, 2, 1};
            centre[a] = 1;
        }
        return separable(x, ws, centre, mode, cval, ctx);
    }

    /**
     * scipy.ndimage.laplace(x, mode, cval): the sum over axes of {@code [1, -2, 1]} along each; computed
     * as one correlation with the N-d cross-shaped kernel, which is the same sum for every boundary rule.
     */
    public static NdArray laplace(NdArray x, Boundary mode, double cval) {
        return laplace(x, mode, cval, ConvContext.defaults());
    }

    public static NdArray laplace(NdArray x, Boundary mode, double cval, ConvContext ctx) {
        int rank = checkRank(x);
        int[] dims = new int[rank];
        Arrays.fill(dims, 3);
        Shape ks = Shape.of(dims);
        DoubleNd k = DoubleNd.zeros(ks);
        int[] idx = new int[rank];
        Arrays.fill(idx, 1);
        int middle = ks.index(idx);
        k.setDouble(middle, -2.0 * rank);
        for (int a = 0; a < rank; a++) {
            k.setDouble(middle - ks.stride(a), 1);
            k.setDouble(middle + ks.stride(a), 1);
        }
        int[] centre = new int[rank];
        Arrays.fill(centre, 1);
        return direct(x, k, centre, mode, cval, ctx);
    }

    /**
     * scipy.ndimage.gaussian_filter(x, sigma, mode=mode, cval=cval, truncate=truncate): along each axis
     * the normalised Gaussian of radius {@code (int) (truncate * sigma + 0.5)}. {@code sigma} has one
     * value per axis, or one value for all; an axis with sigma 0 is not filtered.
     */
    public static NdArray gaussian(NdArray x, double[] sigma, Boundary mode, double cval, double truncate) {
        return gaussian(x, sigma, mode, cval, truncate, ConvContext.defaults());
    }

    public static NdArray gaussian(NdArray x, double[] sigma, Boundary mode, double cval, double truncate, ConvContext ctx) {
        int rank = checkRank(x);
        if (!(truncate >= 0) || Double.isInfinite(truncate)) {
            throw new IllegalArgumentException("truncate must be finite and >= 0, got " + truncate);
        }
        double[][] ws = new double[rank][];
        int[] centre = new int[rank];
        for (int a = 0; a < rank; a++) {
            double s = perAxis(sigma, a, rank, "sigma");
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("sigma must be finite and >= 0, got " + Arrays.toString(sigma));
            }
            if (s > 1e-15) { // scipy's threshold for "no filtering on this axis"
                int radius = (int) (truncate * s + 0.5);
                ws[a] = Kernels.gaussian1d(s, radius);
                centre[a] = radius;
            }
        }
        return separable(x, ws, centre, mode, cval, ctx);
    }

    /** scipy.ndimage.uniform_filter(x, size, mode, cval): the mean over a box of {@code size} per axis (one value for all). */
    public static NdArray uniform(NdArray x, int[] size, Boundary mode, double cval) {
        return uniform(x, size, mode, cval, ConvContext.defaults());
    }

    public static NdArray uniform(NdArray x, int[] size, Boundary mode, double cval, ConvContext ctx) {
        int rank = checkRank(x);
        double[] sizes = Arrays.stream(size).asDoubleStream().toArray();
        double[][] ws = new double[rank][];
        int[] centre = new int[rank];
        for (int a = 0; a < rank; a++) {
            int n = (int) perAxis(sizes, a, rank, "size");
            if (n < 1) {
                throw new IllegalArgumentException("size must be >= 1, got " + Arrays.toString(size));
            }
            if (n > 1) {
                ws[a] = new double[n];
                Arrays.fill(ws[a], 1.0 / n);
                centre[a] = n / 2;
            }
        }
        return separable(x, ws, centre, mode, cval, ctx);
    }

    /** The engines found by {@link ServiceLoader}, the reference last. */
    public static List<FilterEngine> engines() {
        return Engines.ALL;
    }

    private static NdArray separable(NdArray x, double[][] w, int[] centre, Boundary mode, double cval, ConvContext ctx) {
        checkMode(mode);
        int rank = x.shape().rank();
        FilterEngine e = ctx.method() == ConvMethod.REFERENCE ? REFERENCE
                : Engines.ALL.stream().filter(f -> f.supportsSeparable(x.dtype(), rank)).findFirst().orElse(REFERENCE);
        return e.correlateSeparable(x, w, centre, mode, cval, ctx);
    }

    private static NdArray direct(NdArray x, DoubleNd w, int[] centre, Boundary mode, double cval, ConvContext ctx) {
        checkMode(mode);
        if (ctx.method() == ConvMethod.REFERENCE) {
            return REFERENCE.correlate(x, w, centre, mode, cval, ctx);
        }
        Shape ws = w.shape();
        int taps = 0;
        for (int a = 0; a < ws.rank(); a++) {
            taps += ws.dim(a);
        }
        if ((mode != Boundary.CONSTANT || cval == 0) && taps < ws.size()) {
            Optional<Separable> s = Separable.factor(w);
            if (s.isPresent()) {
                return separable(x, s.get().factors(), centre, mode, cval, ctx);
            }
        }
        DType dt = x.dtype();
        FilterEngine e = Engines.ALL.stream().filter(f -> f.supportsDirect(dt, x.shape(), ws)).findFirst().orElse(REFERENCE);
        return e.correlate(x, w, centre, mode, cval, ctx);
    }

    private static int checkRank(NdArray x) {
        if (x.shape().rank() == 0) {
            throw new IllegalArgumentException("filters need an input of rank >= 1, got a scalar");
        }
        return x.shape().rank();
    }

    private static void checkKernel(NdArray x, NdArray w) {
        int rank = checkRank(x);
        if (w.shape().rank() != rank) {
            throw new IllegalArgumentException("input " + x.shape() + " has rank " + rank + " but kernel " + w.shape()
                    + " has rank " + w.shape().rank());
        }
        if (w.shape().size() == 0) {
            throw new IllegalArgumentException("empty kernel " + w.shape());
        }
    }

    private static void checkAxis(int axis, int rank) {
        if (axis < 0 || axis >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for a rank-" + rank + " input");
        }
    }

    private static void checkMode(Boundary mode) {
        if (mode == null) {
            throw new IllegalArgumentException("boundary mode must not be null");
        }
    }

    private static double perAxis(double[] v, int axis, int rank, String what) {
        if (v == null || (v.length != 1 && v.length != rank)) {
            throw new IllegalArgumentException(what + " " + Arrays.toString(v) + " needs 1 or " + rank
                    + " values for a rank-" + rank + " input");
        }
        return v.length == 1 ? v[0] : v[axis];
    }

    /** The engines, loaded once: those found by the service loader, then the reference. */
    private static final class Engines {
        static final List<FilterEngine> ALL = java.util.stream.Stream.concat(
                ServiceLoader.load(FilterEngine.class, NdImage.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(e -> !(e instanceof ReferenceFilter)),
                java.util.stream.Stream.of(REFERENCE)).toList();
    }
}
