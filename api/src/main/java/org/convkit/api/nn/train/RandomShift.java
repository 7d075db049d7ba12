package org.convkit.api.nn.train;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Moves each sample of a batch ({@code [N, C, d1, ..., dk]}, k at least 1) by a whole number of
 * positions along each of its k spatial axes, drawn uniformly from {@code [-max, max]} per sample
 * and axis (sample by sample, axis by axis from {@code d1}) and the same for all its channels;
 * positions moved in from outside are zero. Output position {@code i} of an axis shifted by
 * {@code s} holds input position {@code i - s}. As torchvision's {@code RandomAffine} with
 * {@code translate} only, in whole pixels and without interpolation (for MNIST digits, a shift of
 * one or two pixels; for signals, a few samples of time).
 *
 * @param max the largest shift, at least 0 (0 leaves the features as they are)
 */
public record RandomShift(int max) implements Augmentation {

    public RandomShift {
        if (max < 0) {
            throw new IllegalArgumentException("the largest shift must be at least 0, got " + max);
        }
    }

    @Override
    public FloatNd apply(FloatNd x, SplittableRandom random) {
        Shape s = x.shape();
        if (s.rank() < 3) {
            throw new IllegalArgumentException("a shift needs features [N, C, d1, ...] with a spatial axis, got " + s);
        }
        int[] dims = new int[s.rank() - 2];
        int[] strides = new int[dims.length];
        for (int a = 0; a < dims.length; a++) {
            dims[a] = s.dim(a + 2);
            strides[a] = s.stride(a + 2);
        }
        int channels = s.dim(1);
        int plane = s.stride(1);
        FloatNd out = FloatNd.zeros(s);
        int[] shift = new int[dims.length];
        for (int i = 0; i < s.dim(0); i++) {
            for (int a = 0; a < dims.length; a++) {
                shift[a] = random.nextInt(2 * max + 1) - max;
            }
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * plane;
                copy(x.data(), x.offset() + at, out.data(), at, dims, strides, shift, 0);
            }
        }
        return out;
    }

    /** Copies the part of one plane that stays inside after the shift, axis {@code axis} onwards. */
    private static void copy(float[] src, int from, float[] dst, int to, int[] dims, int[] strides, int[] shift,
                             int axis) {
        int d = shift[axis];
        int lo = Math.max(0, d);
        int hi = Math.min(dims[axis], dims[axis] + d);
        if (axis == dims.length - 1) {
            if (hi > lo) {
                System.arraycopy(src, from + lo - d, dst, to + lo, hi - lo);
            }
            return;
        }
        for (int p = lo; p < hi; p++) {
            copy(src, from + (p - d) * strides[axis], dst, to + p * strides[axis], dims, strides, shift, axis + 1);
        }
    }
}
