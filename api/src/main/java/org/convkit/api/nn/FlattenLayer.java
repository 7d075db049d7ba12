package org.convkit.api.nn;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Flattens {@code [N, C, ...]} to {@code [N, C * ...]}, {@code torch.nn.Flatten()} (start_dim 1):
 * the output is a view of the input's storage, and the gradient a view of {@code gy} reshaped back.
 */
public final class FlattenLayer implements Layer {
    private final FlattenSpec spec;
    private Shape lastInputShape;

    public FlattenLayer(FlattenSpec spec) {
        this.spec = spec;
    }

    @Override
    public FlattenSpec spec() {
        return spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() < 2) {
            throw new IllegalArgumentException("flatten expects [N, C, ...], got " + Arrays.toString(input.dims()));
        }
        int n = input.dim(0);
        return Shape.of(n, n == 0 ? input.dropFirst().size() : input.size() / n);
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        Shape out = outputShape(x.shape());
        if (pass.gradients()) {
            lastInputShape = x.shape();
        }
        return x.reshape(out);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastInputShape == null) {
            throw new IllegalStateException("flatten backward before a training forward");
        }
        if (!gy.shape().equals(outputShape(lastInputShape))) {
            throw new IllegalArgumentException("flatten backward expects a gradient of shape "
                    + Arrays.toString(outputShape(lastInputShape).dims()) + ", got " + Arrays.toString(gy.shape().dims()));
        }
        return gy.reshape(lastInputShape);
    }
}
