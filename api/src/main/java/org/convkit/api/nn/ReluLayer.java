package org.convkit.api.nn;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * ReLU or leaky ReLU on any shape, element-wise: {@code y = x} for {@code x > 0}, else
 * {@code negativeSlope * x} (plain ReLU gives 0 and propagates NaN). The gradient is 1 where
 * {@code x > 0} and {@code negativeSlope} elsewhere, so ReLU's gradient at 0 is 0; this matches
 * {@code torch.relu} and {@code torch.nn.functional.leaky_relu}.
 *
 * <p>A training forward keeps a reference to its own output (whose sign is the input's) for
 * {@link #backward}.
 */
public final class ReluLayer implements Layer {
    /** Elements per parallel block; smaller arrays are not worth a thread. */
    static final int BLOCK = 1 << 16;

    private final ReluSpec spec;
    private FloatNd lastOutput;
    private int threads = 1;

    public ReluLayer(ReluSpec spec) {
        this.spec = spec;
    }

    @Override
    public ReluSpec spec() {
        return spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() < 1) {
            throw new IllegalArgumentException(spec.type() + " expects [N, ...], got " + Arrays.toString(input.dims()));
        }
        return input;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        outputShape(x.shape());
        float slope = spec.negativeSlope();
        float[] in = x.data();
        int off = x.offset();
        int size = x.shape().size();
        float[] out = new float[size];
        if (slope == 0) {
            blocks(size, pass.threads(), (lo, hi) -> relu(in, off, out, lo, hi, Simd.VECTOR));
        } else {
            blocks(size, pass.threads(), (lo, hi) -> leakyRelu(in, off, out, lo, hi, slope, Simd.VECTOR));
        }
        FloatNd y = FloatNd.of(x.shape(), out);
        if (pass.gradients()) {
            lastOutput = y;
            threads = pass.threads();
        }
        return y;
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastOutput == null) {
            throw new IllegalStateException(spec.type() + " backward before a training forward");
        }
        if (!gy.shape().equals(lastOutput.shape())) {
            throw new IllegalArgumentException(spec.type() + " backward expects a gradient of shape "
                    + Arrays.toString(lastOutput.shape().dims()) + ", got " + Arrays.toString(gy.shape().dims()));
        }
        float slope = spec.negativeSlope();
        float[] y = lastOutput.data();
        float[] g = gy.data();
        int off = gy.offset();
        int size = gy.shape().size();
        float[] gx = new float[size];
        blocks(size, threads, (lo, hi) -> backward(y, g, off, gx, lo, hi, slope, Simd.VECTOR));
        return FloatNd.of(gy.shape(), gx);
    }

    /** {@code out[i] = max(in[off + i], 0)} for {@code lo <= i < hi}, on the Vector API when {@code vector}. */
    static void relu(float[] in, int off, float[] out, int lo, int hi, boolean vector) {
        int i = vector ? VectorOps.relu(in, off, out, lo, hi) : lo;
        // branch-free: a sign test per element mispredicts half the time on activations
        for (; i < hi; i++) {
            out[i] = Math.max(in[off + i], 0f);
        }
    }

    /** Leaky ReLU of {@code in[off + i]} into {@code out[i]}, NaN kept, for {@code lo <= i < hi}. */
    static void leakyRelu(float[] in, int off, float[] out, int lo, int hi, float slope, boolean vector) {
        int i = vector ? VectorOps.leakyRelu(in, off, out, lo, hi, slope) : lo;
        for (; i < hi; i++) {
            float v = in[off + i];
            out[i] = v > 0 || v != v ? v : slope * v;
        }
    }

    /** The input gradient from the saved output {@code y} and the output gradient {@code g}, {@code lo <= i < hi}. */
    static void backward(float[] y, float[] g, int off, float[] gx, int lo, int hi, float slope, boolean vector) {
        int i = vector ? VectorOps.reluBackward(y, g, off, gx, lo, hi, slope) : lo;
        for (; i < hi; i++) {
            gx[i] = y[i] > 0 ? g[off + i] : slope * g[off + i];
        }
    }

    /** Runs {@code body} over {@code [0, size)} in blocks of {@link #BLOCK} elements. */
    static void blocks(int size, int threads, Parallel.Range body) {
        int n = (size + BLOCK - 1) / BLOCK;
        Parallel.forRange(n, threads, (lo, hi) -> body.run(lo * BLOCK, Math.min(size, hi * BLOCK)));
    }
}
