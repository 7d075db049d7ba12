package org.convkit.api.nn.explain;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Saliency maps (Simonyan, Vedaldi &amp; Zisserman 2014, "Deep inside convolutional networks"): the
 * gradient of a class logit (before softmax) with respect to the input, {@code d score_k / d x}, of
 * the input's shape {@code [C, spatial...]} (1-d: per channel over time). Signed; pictures usually
 * show {@link #magnitude}. For a linear model {@code W x + b} it is the weight row {@code W[k]}.
 */
public final class Saliency {

    private Saliency() {
    }

    /** The gradient of logit {@code cls} at {@code x [C, ...]}, shaped like {@code x}. */
    public static FloatNd gradient(Scorer scorer, FloatNd x, int cls) {
        return scorer.gradient(x.reshape(x.shape().prepend(1)), cls).reshape(x.shape());
    }

    /**
     * SmoothGrad: the mean gradient over {@code config.samples()} noisy copies of {@code x}. The noise
     * is drawn from {@code SplittableRandom(seed)}, copy by copy, element by element in row-major order,
     * one Box-Muller pair per element ({@code sigma sqrt(-2 ln(1 - u1)) cos(2 pi u2)}); the mean is
     * summed in double in copy order. The same seed gives the same map whatever the thread count.
     */
    public static FloatNd smoothGrad(Scorer scorer, FloatNd x, int cls, SmoothGrad config) {
        Shape s = x.shape();
        int size = s.size();
        float[] xd = x.copy().data();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : xd) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double sigma = config.noise() * (size == 0 ? 0 : (double) hi - lo);
        SplittableRandom rng = new SplittableRandom(config.seed());
        double[] sum = new double[size];
        int batch = scorer.batchSize();
        for (int first = 0; first < config.samples(); first += batch) {
            int m = Math.min(batch, config.samples() - first);
            float[] noisy = new float[m * size];
            for (int i = 0; i < m * size; i++) {
                double u1 = rng.nextDouble();
                double u2 = rng.nextDouble();
                double gaussian = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
                noisy[i] = (float) (xd[i % size] + sigma * gaussian);
            }
            FloatNd g = scorer.gradient(FloatNd.of(s.prepend(m), noisy), cls);
            float[] gd = g.data();
            for (int i = 0; i < m * size; i++) {
                sum[i % size] += gd[g.offset() + i];
            }
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (sum[i] / config.samples());
        }
        return FloatNd.of(s, out);
    }

    /** {@code max_c |m[c, p]|} for a map {@code [C, spatial...]}: one value per position, {@code [spatial...]}. */
    public static FloatNd magnitude(FloatNd map) {
        Shape s = map.shape();
        if (s.rank() < 2) {
            throw new IllegalArgumentException("a map is [C, spatial...], got " + s);
        }
        Shape spatial = s.dropFirst();
        int area = spatial.size();
        float[] out = new float[area];
        for (int c = 0; c < s.dim(0); c++) {
            for (int p = 0; p < area; p++) {
                out[p] = Math.max(out[p], Math.abs(map.data()[map.offset() + c * area + p]));
            }
        }
        return FloatNd.of(spatial, out);
    }
}
