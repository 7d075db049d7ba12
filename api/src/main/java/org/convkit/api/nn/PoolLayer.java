package org.convkit.api.nn;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Max or average pooling of rank 1, 2 or 3 over {@code [N, C, spatial...]}, matching
 * {@code torch.nn.functional.max_poolNd} / {@code avg_poolNd} in floor mode with padding (average
 * pooling with {@code count_include_pad=True}): along each axis the output has
 * {@code floor((n + 2 p - k) / s) + 1} positions, window {@code o} covering
 * {@code [o s - p, o s - p + k)} of which only the part inside the input is read.
 *
 * <p>Max pooling outputs each window's maximum (NaN wins, as in PyTorch; padding never wins) and
 * routes the gradient only to that element, the first maximum in row-major scan order of the
 * window on ties; overlapping windows add their gradients. Average pooling outputs the sum of the
 * window's input elements divided by the full kernel volume (padding counts as zeros) and spreads
 * {@code gy / volume} over the window's input elements.
 *
 * <p>Work is split over the {@code N * C} planes, so results do not depend on the thread count.
 * The forward loops are in {@link PoolForward} (fast paths for 1-d and 2x2 max pooling). Inputs
 * of lower rank are handled as rank 3 with leading axes of size 1.
 */
public final class PoolLayer implements Layer {
    private final PoolLayerSpec spec;
    private final boolean max;
    /** Kernel, stride and padding as 3 axes, leading axes 1 (padding 0) for lower ranks. */
    private final int[] k = {1, 1, 1};
    private final int[] s = {1, 1, 1};
    private final int[] pad = {0, 0, 0};
    private Shape lastInputShape;
    private int[] lastArgmax;
    private int threads = 1;

    public PoolLayer(PoolLayerSpec spec) {
        this.spec = spec;
        this.max = spec.kind() == PoolLayerSpec.Kind.MAX;
        int r = spec.rank();
        System.arraycopy(spec.kernel(), 0, k, 3 - r, r);
        System.arraycopy(spec.stride(), 0, s, 3 - r, r);
        System.arraycopy(spec.padding(), 0, pad, 3 - r, r);
    }

    @Override
    public PoolLayerSpec spec() {
        return spec;
    }

    private String name() {
        return (max ? "max" : "avg") + "_pool" + spec.rank() + "d";
    }

    @Override
    public Shape outputShape(Shape input) {
        int r = spec.rank();
        if (input.rank() != r + 2) {
            throw new IllegalArgumentException(name() + " expects [N, C" + ", L".repeat(r) + "], got "
                    + Arrays.toString(input.dims()));
        }
        int[] dims = input.dims();
        int[] out;
        try {
            out = spec.outputSize(Arrays.copyOfRange(dims, 2, 2 + r));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + " " + e.getMessage() + " (input " + Arrays.toString(dims) + ")",
                    e);
        }
        System.arraycopy(out, 0, dims, 2, r);
        return Shape.of(dims);
    }

    /** The spatial sizes of a shape as 3 axes, leading axes 1. */
    private static int[] spatial3(Shape shape) {
        int[] d = {1, 1, 1};
        int r = shape.rank() - 2;
        for (int a = 0; a < r; a++) {
            d[3 - r + a] = shape.dim(2 + a);
        }
        return d;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        Shape outShape = outputShape(x.shape());
        int[] id = spatial3(x.shape());
        int[] od = spatial3(outShape);
        int planes = x.shape().dim(0) * x.shape().dim(1);
        int outPlane = od[0] * od[1] * od[2];
        float[] in = x.data();
        int off = x.offset();
        float[] y = new float[planes * outPlane];
        int[] argmax = max && pass.gradients() ? new int[y.length] : null;
        PoolForward loops = new PoolForward(max, k, s, pad, id, od);
        Parallel.forRange(planes, pass.threads(), (lo, hi) -> loops.run(in, off, y, argmax, lo, hi));
        if (pass.gradients()) {
            lastInputShape = x.shape();
            lastArgmax = argmax;
            threads = pass.threads();
        }
        return FloatNd.of(outShape, y);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastInputShape == null) {
            throw new IllegalStateException(name() + " backward before a training forward");
        }
        Shape outShape = outputShape(lastInputShape);
        if (!gy.shape().equals(outShape)) {
            throw new IllegalArgumentException(name() + " backward expects a gradient of shape "
                    + Arrays.toString(outShape.dims()) + ", got " + Arrays.toString(gy.shape().dims()));
        }
        int[] id = spatial3(lastInputShape);
        int[] od = spatial3(outShape);
        int planes = lastInputShape.dim(0) * lastInputShape.dim(1);
        int inPlane = id[0] * id[1] * id[2];
        int outPlane = od[0] * od[1] * od[2];
        float[] g = gy.data();
        int go = gy.offset();
        float[] gx = new float[lastInputShape.size()];
        int[] argmax = lastArgmax;
        float volume = k[0] * k[1] * k[2];
        int[][][] w = new PoolForward(max, k, s, pad, id, od).windows();
        int[] lo0 = w[0][0], hi0 = w[0][1], lo1 = w[1][0], hi1 = w[1][1], lo2 = w[2][0], hi2 = w[2][1];
        Parallel.forRange(planes, threads, (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int base = p * inPlane;
                int o = p * outPlane;
                if (max) {
                    for (int i = 0; i < outPlane; i++, o++) {
                        gx[base + argmax[o]] += g[go + o];
                    }
                    continue;
                }
                for (int od0 = 0; od0 < od[0]; od0++) {
                    for (int od1 = 0; od1 < od[1]; od1++) {
                        for (int od2 = 0; od2 < od[2]; od2++, o++) {
                            float share = g[go + o] / volume;
                            for (int a = lo0[od0]; a < hi0[od0]; a++) {
                                for (int b = lo1[od1]; b < hi1[od1]; b++) {
                                    int row = base + (a * id[1] + b) * id[2];
                                    for (int c = lo2[od2]; c < hi2[od2]; c++) {
                                        gx[row + c] += share;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
        return FloatNd.of(lastInputShape, gx);
    }
}
