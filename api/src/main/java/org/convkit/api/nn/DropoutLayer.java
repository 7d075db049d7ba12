package org.convkit.api.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Inverted dropout, {@code torch.nn.functional.dropout}: in a training pass each element is kept
 * with probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, or zeroed; an evaluation pass
 * returns its input unchanged. Backward multiplies {@code gy} by the same mask and scale (after an
 * evaluation pass with {@link Pass#gradients()}, it returns {@code gy}: the layer is the identity).
 *
 * <p>The mask depends only on {@link Pass#seed()} and the input size: the elements are cut into
 * fixed blocks, each drawing from its own {@link SplittableRandom} seeded from the pass seed and the
 * block index, so any thread count gives the same mask. (The draws are not PyTorch's.)
 */
public final class DropoutLayer implements Layer {
    private final DropoutSpec spec;
    private boolean[] lastKeep;
    private Shape lastShape;
    private int threads = 1;

    public DropoutLayer(DropoutSpec spec) {
        this.spec = spec;
    }

    @Override
    public DropoutSpec spec() {
        return spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() < 1) {
            throw new IllegalArgumentException("dropout expects [N, ...], got " + Arrays.toString(input.dims()));
        }
        return input;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        outputShape(x.shape());
        if (!pass.training()) {
            if (pass.gradients()) {
                lastKeep = null;
                lastShape = x.shape();
            }
            return x;
        }
        int size = x.shape().size();
        double p = spec.p();
        float scale = (float) (1.0 / (1.0 - p));
        boolean[] keep = new boolean[size];
        float[] in = x.data();
        int off = x.offset();
        float[] y = new float[size];
        long seed = pass.seed();
        int block = ReluLayer.BLOCK;
        int blocks = (size + block - 1) / block;
        Parallel.forRange(blocks, pass.threads(), (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                SplittableRandom rng = new SplittableRandom(blockSeed(seed, b));
                for (int i = b * block, end = Math.min(size, i + block); i < end; i++) {
                    keep[i] = rng.nextDouble() >= p;
                    y[i] = keep[i] ? in[off + i] * scale : 0f;
                }
            }
        });
        lastKeep = keep;
        lastShape = x.shape();
        threads = pass.threads();
        return FloatNd.of(x.shape(), y);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastShape == null) {
            throw new IllegalStateException("dropout backward before a training forward");
        }
        if (!gy.shape().equals(lastShape)) {
            throw new IllegalArgumentException("dropout backward expects a gradient of shape "
                    + Arrays.toString(lastShape.dims()) + ", got " + Arrays.toString(gy.shape().dims()));
        }
        if (lastKeep == null) {
            return gy;
        }
        float scale = (float) (1.0 / (1.0 - spec.p()));
        boolean[] keep = lastKeep;
        float[] g = gy.data();
        int off = gy.offset();
        float[] gx = new float[keep.length];
        ReluLayer.blocks(keep.length, threads, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                gx[i] = keep[i] ? g[off + i] * scale : 0f;
            }
        });
        return FloatNd.of(lastShape, gx);
    }

    /** A well-mixed seed for block {@code b} of a pass (SplitMix64's finaliser). */
    private static long blockSeed(long seed, int b) {
        long z = seed + 0x9E3779B97F4A7C15L * (b + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
