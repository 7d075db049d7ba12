package org.convkit.api.nn;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Global average pooling, {@code [N, C, ...] -> [N, C]}: each output is the mean of its channel
 * over all spatial positions (summed in double), as {@code torch.nn.AdaptiveAvgPoolNd(1)} followed
 * by flatten. Backward spreads each output gradient evenly: {@code gx = gy / positions}.
 */
public final class GlobalAvgPoolLayer implements Layer {
    private final GlobalAvgPoolSpec spec;
    private Shape lastInputShape;
    private int threads = 1;

    public GlobalAvgPoolLayer(GlobalAvgPoolSpec spec) {
        this.spec = spec;
    }

    @Override
    public GlobalAvgPoolSpec spec() {
        return spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() < 3 || input.size() == 0) {
            throw new IllegalArgumentException("global average pooling expects a non-empty [N, C, spatial...], got "
                    + Arrays.toString(input.dims()));
        }
        return Shape.of(input.dim(0), input.dim(1));
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        Shape out = outputShape(x.shape());
        int planes = out.size();
        int area = x.shape().size() / planes;
        float[] in = x.data();
        int off = x.offset();
        float[] y = new float[planes];
        Parallel.forRange(planes, pass.threads(), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                double s = 0;
                int base = off + p * area;
                for (int i = 0; i < area; i++) {
                    s += in[base + i];
                }
                y[p] = (float) (s / area);
            }
        });
        if (pass.gradients()) {
            lastInputShape = x.shape();
            threads = pass.threads();
        }
        return FloatNd.of(out, y);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastInputShape == null) {
            throw new IllegalStateException("global average pooling backward before a training forward");
        }
        Shape out = outputShape(lastInputShape);
        if (!gy.shape().equals(out)) {
            throw new IllegalArgumentException("global average pooling backward expects a gradient of shape "
                    + Arrays.toString(out.dims()) + ", got " + Arrays.toString(gy.shape().dims()));
        }
        int planes = out.size();
        int area = lastInputShape.size() / planes;
        float[] g = gy.data();
        int go = gy.offset();
        float[] gx = new float[lastInputShape.size()];
        Parallel.forRange(planes, threads, (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                Arrays.fill(gx, p * area, (p + 1) * area, g[go + p] / area);
            }
        });
        return FloatNd.of(lastInputShape, gx);
    }
}
