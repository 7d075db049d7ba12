package org.convkit.api.nn;

import java.util.Arrays;
import java.util.List;
import org.convkit.api.linalg.Sgemm;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * A fully connected layer, {@code torch.nn.functional.linear}: for an input {@code x [N, in]},
 * {@code y = x W^T + b} with weight {@code W [out, in]} (parameter {@code weight}) and bias
 * {@code b [out]} (parameter {@code bias}, absent when the spec has none). Backward returns
 * {@code gx = gy W} and adds {@code gy^T x} to the weight gradient and the column sums of
 * {@code gy} to the bias gradient (each only when that parameter is trainable: a frozen one gets
 * no gradient). The three products run through {@link Sgemm#gemm}.
 *
 * <p>A training forward keeps a reference to its input for {@link #backward}; the caller must not
 * change it in between.
 */
public final class LinearLayer implements Layer {
    private final LinearSpec spec;
    private final Parameter weight;
    private final Parameter bias;
    private float[] lastInput;
    private int lastBatch = -1;
    private int threads = 1;

    /** A layer with zero-filled parameters. */
    public LinearLayer(LinearSpec spec) {
        this.spec = spec;
        this.weight = new Parameter("weight", Shape.of(spec.outFeatures(), spec.inFeatures()));
        this.bias = spec.bias() ? new Parameter("bias", Shape.of(spec.outFeatures())) : null;
    }

    @Override
    public LinearSpec spec() {
        return spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 2 || input.dim(1) != spec.inFeatures()) {
            throw new IllegalArgumentException("linear expects [N, " + spec.inFeatures() + "], got "
                    + Arrays.toString(input.dims()));
        }
        return Shape.of(input.dim(0), spec.outFeatures());
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        Shape outShape = outputShape(x.shape());
        int n = x.shape().dim(0);
        int in = spec.inFeatures();
        int out = spec.outFeatures();
        float[] y = new float[n * out];
        Sgemm.gemm(false, true, n, out, in, x.data(), x.offset(), in, weight.value().data(), 0, in,
                0f, y, 0, out, pass.threads());
        if (bias != null) {
            float[] b = bias.value().data();
            Parallel.forRange(n, pass.threads(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    for (int j = 0; j < out; j++) {
                        y[i * out + j] += b[j];
                    }
                }
            });
        }
        if (pass.gradients()) {
            lastInput = TensorOps.dense(x);
            lastBatch = n;
            threads = pass.threads();
        }
        return FloatNd.of(outShape, y);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastInput == null) {
            throw new IllegalStateException("linear backward before a training forward");
        }
        int n = lastBatch;
        int in = spec.inFeatures();
        int out = spec.outFeatures();
        if (!gy.shape().equals(Shape.of(n, out))) {
            throw new IllegalArgumentException("linear backward expects a gradient of shape [" + n + ", " + out
                    + "], got " + Arrays.toString(gy.shape().dims()));
        }
        float[] g = gy.data();
        int go = gy.offset();
        float[] gx = new float[n * in];
        Sgemm.gemm(false, false, n, in, out, g, go, out, weight.value().data(), 0, in, 0f, gx, 0, in, threads);
        if (weight.trainable()) {
            Sgemm.gemm(true, false, out, in, n, g, go, out, lastInput, 0, in, 1f, weight.grad().data(), 0, in, threads);
        }
        if (bias != null && bias.trainable()) {
            float[] gb = bias.grad().data();
            Parallel.forRange(out, threads, (lo, hi) -> {
                for (int j = lo; j < hi; j++) {
                    float s = 0f;
                    for (int i = 0; i < n; i++) {
                        s += g[go + i * out + j];
                    }
                    gb[j] += s;
                }
            });
        }
        return FloatNd.of(Shape.of(n, in), gx);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
