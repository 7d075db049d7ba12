package org.convkit.api.nn;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Max or average pooling of rank 1, 2 or 3 over {@code [N, C, spatial...]}, matching
 * {@code torch.nn.functional.max_poolNd} / {@code avg_poolNd} with padding 0 and floor mode: along
 * each axis the output has {@code floor((n - k) / s) + 1} positions, window {@code o} covering
 * {@code [o s, o s + k)}.
 *
 * <p>Max pooling outputs each window's maximum (NaN wins, as in PyTorch) and routes the gradient
 * only to that element, the first maximum in row-major scan order of the window on ties;
 * overlapping windows add their gradients. Average pooling outputs the window sum divided by the
 * window volume and spreads {@code gy / volume} over the window.
 *
 * <p>Work is split over the {@code N * C} planes, so results do not depend on the thread count.
 * Inputs of lower rank are handled as rank 3 with leading axes of size 1.
 */
public final class PoolLayer implements Layer {
    private final PoolLayerSpec spec;
    private final boolean max;
    /** Kernel and stride as 3 axes, leading axes 1 for lower ranks. */
    private final int[] k = {1, 1, 1};
    private final int[] s = {1, 1, 1};
    private Shape lastInputShape;
    private int[] lastArgmax;
    private int threads = 1;

    public PoolLayer(PoolLayerSpec spec) {
        this.spec = spec;
        this.max = spec.kind() == PoolLayerSpec.Kind.MAX;
        int r = spec.rank();
        System.arraycopy(spec.kernel(), 0, k, 3 - r, r);
        System.arraycopy(spec.stride(), 0, s, 3 - r, r);
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
        for (int a = 0; a < r; a++) {
            if (dims[2 + a] < spec.kernel()[a]) {
                throw new IllegalArgumentException(name() + " kernel " + Arrays.toString(spec.kernel())
                        + " is larger than the input's spatial size " + Arrays.toString(Arrays.copyOfRange(dims, 2, 2 + r))
                        + " (input " + Arrays.toString(dims) + ")");
            }
            dims[2 + a] = (dims[2 + a] - spec.kernel()[a]) / spec.stride()[a] + 1;
        }
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
        int inPlane = id[0] * id[1] * id[2];
        int outPlane = od[0] * od[1] * od[2];
        float[] in = x.data();
        int off = x.offset();
        float[] y = new float[planes * outPlane];
        int[] argmax = max && pass.gradients() ? new int[y.length] : null;
        float volume = k[0] * k[1] * k[2];
        Parallel.forRange(planes, pass.threads(), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int base = off + p * inPlane;
                int o = p * outPlane;
                for (int od0 = 0; od0 < od[0]; od0++) {
                    for (int od1 = 0; od1 < od[1]; od1++) {
                        for (int od2 = 0; od2 < od[2]; od2++, o++) {
                            int first = (od0 * s[0] * id[1] + od1 * s[1]) * id[2] + od2 * s[2];
                            if (max && argmax == null) {
                                // evaluation needs only the value: Math.max (NaN wins) has no branch to mispredict
                                float m = Float.NEGATIVE_INFINITY;
                                for (int a = 0; a < k[0]; a++) {
                                    for (int b = 0; b < k[1]; b++) {
                                        int row = base + first + (a * id[1] + b) * id[2];
                                        for (int c = 0; c < k[2]; c++) {
                                            m = Math.max(m, in[row + c]);
                                        }
                                    }
                                }
                                y[o] = m;
                            } else if (max) {
                                int best = first;
                                float bestValue = Float.NEGATIVE_INFINITY;
                                for (int a = 0; a < k[0]; a++) {
                                    for (int b = 0; b < k[1]; b++) {
                                        int row = first + (a * id[1] + b) * id[2];
                                        for (int c = 0; c < k[2]; c++) {
                                            float v = in[base + row + c];
                                            if (v > bestValue || v != v) {
                                                bestValue = v;
                                                best = row + c;
                                            }
                                        }
                                    }
                                }
                                y[o] = bestValue;
                                if (argmax != null) {
                                    argmax[o] = best;
                                }
                            } else {
                                float sum = 0f;
                                for (int a = 0; a < k[0]; a++) {
                                    for (int b = 0; b < k[1]; b++) {
                                        int row = base + first + (a * id[1] + b) * id[2];
                                        for (int c = 0; c < k[2]; c++) {
                                            sum += in[row + c];
                                        }
                                    }
                                }
                                y[o] = sum / volume;
                            }
                        }
                    }
                }
            }
        });
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
                            int first = base + (od0 * s[0] * id[1] + od1 * s[1]) * id[2] + od2 * s[2];
                            float share = g[go + o] / volume;
                            for (int a = 0; a < k[0]; a++) {
                                for (int b = 0; b < k[1]; b++) {
                                    int row = first + (a * id[1] + b) * id[2];
                                    for (int c = 0; c < k[2]; c++) {
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
