package org.convkit.domains.image;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Linear resampling (bilinear in 2-d, trilinear in 3-d) with antialiasing, one axis at a time, as
 * PyTorch's {@code F.interpolate(x, size, mode='bilinear', align_corners=False, antialias=True)} and
 * Pillow's {@code BILINEAR} filter compute it: output sample {@code i} of an axis of {@code n} input and
 * {@code m} output samples, with {@code scale = n / m}, is the normalised sum of the input samples
 * {@code j} weighted by the triangle {@code max(0, 1 - |(j + 0.5 - scale (i + 0.5)) / max(scale, 1)|)}.
 * Upsampling is plain bilinear interpolation between pixel centres (edges repeat); downsampling widens
 * the triangle to the scale, so every input sample contributes (no aliasing). A size equal to the
 * input's copies the values exactly. Weights and sums are computed in double.
 */
public final class Resize {

    private Resize() {
    }

    /**
     * Resizes the spatial axes of {@code x} {@code [C, s1, ..., sk]} to {@code size} (k values), the
     * first axis untouched; returns a new array, {@code x} is not modified.
     *
     * @throws IllegalArgumentException when {@code size} does not give one positive size per spatial axis
     */
    public static FloatNd resize(FloatNd x, int... size) {
        Shape s = x.shape();
        if (size.length != s.rank() - 1) {
            throw new IllegalArgumentException("size " + Arrays.toString(size) + " must give one size per spatial axis"
                    + " of shape " + s);
        }
        int[] dims = s.dims();
        float[] v = x.toArray();
        for (int a = 1; a < dims.length; a++) {
            int m = size[a - 1];
            if (m < 1) {
                throw new IllegalArgumentException("size " + Arrays.toString(size) + " must be positive");
            }
            if (m == dims[a]) {
                continue;
            }
            int outer = 1;
            for (int k = 0; k < a; k++) {
                outer *= dims[k];
            }
            int inner = 1;
            for (int k = a + 1; k < dims.length; k++) {
                inner *= dims[k];
            }
            v = alongAxis(v, outer, dims[a], inner, m);
            dims[a] = m;
        }
        return FloatNd.of(Shape.of(dims), v);
    }

    /** Resamples {@code [outer, n, inner]} to {@code [outer, m, inner]} along the middle axis. */
    private static float[] alongAxis(float[] src, int outer, int n, int inner, int m) {
        int[] start = new int[m];
        double[][] w = weights(n, m, start);
        float[] out = new float[outer * m * inner];
        double[] acc = new double[inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(acc, 0);
                for (int j = 0; j < w[i].length; j++) {
                    double wj = w[i][j];
                    int from = (o * n + start[i] + j) * inner;
                    for (int k = 0; k < inner; k++) {
                        acc[k] += wj * src[from + k];
                    }
                }
                int to = (o * m + i) * inner;
                for (int k = 0; k < inner; k++) {
                    out[to + k] = (float) acc[k];
                }
            }
        }
        return out;
    }

    /**
     * The normalised weights of each output sample over the input samples {@code start[i]} onwards
     * (PyTorch's {@code _compute_indices_weights_aa} with the bilinear filter).
     */
    static double[][] weights(int n, int m, int[] start) {
        double scale = (double) n / m;
        double support = scale >= 1 ? scale : 1.0;
        double invscale = scale >= 1 ? 1.0 / scale : 1.0;
        double[][] w = new double[m][];
        for (int i = 0; i < m; i++) {
            double center = scale * (i + 0.5);
            int lo = Math.max((int) (center - support + 0.5), 0);
            int hi = Math.min((int) (center + support + 0.5), n);
            double[] wi = new double[hi - lo];
            double total = 0;
            for (int j = 0; j < wi.length; j++) {
                double t = Math.abs((j + lo - center + 0.5) * invscale);
                wi[j] = t < 1 ? 1 - t : 0;
                total += wi[j];
            }
            if (total != 0) {
                for (int j = 0; j < wi.length; j++) {
                    wi[j] /= total;
                }
            }
            start[i] = lo;
            w[i] = wi;
        }
        return w;
    }
}
