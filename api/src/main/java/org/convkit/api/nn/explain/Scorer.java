package org.convkit.api.nn.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata.Normalisation;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;

/**
 * A classifier's class scores (logits, before softmax) as a function of its raw input: inputs
 * {@code [n, C, ...]} are normalised ({@code (x - mean[c]) / std[c]}, when the model has a
 * normalisation) and run through the model in evaluation mode, {@link #batchSize()} at a time; the
 * model's output must be {@code [n, K]}. Not thread-safe (the model caches activations).
 */
public final class Scorer {
    private final Model model;
    private final Normalisation normalisation;
    private final int threads;
    private final int batchSize;

    /**
     * @param normalisation applied before the model, or null for none
     * @param threads       at least 1; results do not depend on it
     * @param batchSize     inputs per forward pass, at least 1
     */
    public Scorer(Model model, Normalisation normalisation, int threads, int batchSize) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be at least 1, got " + threads + " and "
                    + batchSize);
        }
        this.model = model;
        this.normalisation = normalisation;
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /** The scorer of a model file's model with its normalisation, in batches of 32. */
    public static Scorer of(LoadedModel loaded, int threads) {
        return new Scorer(loaded.model(), loaded.metadata().normalisation(), threads, 32);
    }

    public Model model() {
        return model;
    }

    public int threads() {
        return threads;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The logits {@code [n][K]} of inputs {@code [n, C, ...]}. */
    public float[][] scores(FloatNd x) {
        Shape s = x.shape();
        int n = s.dim(0);
        int item = s.dropFirst().size();
        float[][] out = new float[n][];
        for (int lo = 0; lo < n; lo += batchSize) {
            int m = Math.min(batchSize, n - lo);
            FloatNd y = model.forward(input(slice(x, lo, m, item)), Pass.eval(threads));
            int k = classes(y, m);
            for (int i = 0; i < m; i++) {
                out[lo + i] = new float[k];
                System.arraycopy(y.data(), y.offset() + i * k, out[lo + i], 0, k);
            }
        }
        return out;
    }

    /** The logits {@code [K]} of one input {@code [C, ...]}. */
    public float[] sampleScores(FloatNd sample) {
        return scores(sample.reshape(sample.shape().prepend(1)))[0];
    }

    /**
     * The gradient of logit {@code cls} of each input with respect to that (raw) input:
     * {@code [n, C, ...]}, the input's shape. Uses an evaluation pass with
     * {@link Pass#evalWithGradients}; parameters are frozen meanwhile, so no parameter gradient is
     * computed, and their flags restored afterwards.
     */
    public FloatNd gradient(FloatNd x, int cls) {
        Shape s = x.shape();
        int n = s.dim(0);
        int item = s.dropFirst().size();
        float[] out = new float[s.size()];
        Map<String, Parameter> params = model.parameters();
        List<Boolean> flags = new ArrayList<>();
        params.values().forEach(p -> flags.add(p.trainable()));
        try {
            params.values().forEach(p -> p.setTrainable(false));
            for (int lo = 0; lo < n; lo += batchSize) {
                int m = Math.min(batchSize, n - lo);
                FloatNd y = model.forward(input(slice(x, lo, m, item)), Pass.evalWithGradients(threads));
                int k = classes(y, m);
                checkClass(cls, k);
                float[] gy = new float[m * k];
                for (int i = 0; i < m; i++) {
                    gy[i * k + cls] = 1f;
                }
                FloatNd g = model.backward(FloatNd.of(y.shape(), gy));
                System.arraycopy(g.data(), g.offset(), out, lo * item, m * item);
            }
        } finally {
            int i = 0;
            for (Parameter p : params.values()) {
                p.setTrainable(flags.get(i++));
            }
        }
        if (normalisation != null) {
            // d/dx raw = d/dx normalised / std[c]
            double[] std = normalisation.std();
            int area = item / std.length;
            for (int k = 0; k < out.length; k++) {
                out[k] = (float) (out[k] / std[(k / area) % std.length]);
            }
        }
        return FloatNd.of(s, out);
    }

    /** Throws unless {@code cls} is one of the model's {@code k} classes. */
    static void checkClass(int cls, int k) {
        if (cls < 0 || cls >= k) {
            throw new IllegalArgumentException("class " + cls + " is outside the model's " + k + " classes [0, " + k
                    + ")");
        }
    }

    /** The normalisation applied before the model, or null. */
    public Normalisation normalisation() {
        return normalisation;
    }

    /** What the model takes for raw inputs {@code x}: {@code x} normalised, or {@code x} itself. */
    FloatNd input(FloatNd x) {
        return normalisation == null ? x : normalisation.apply(x);
    }

    private static FloatNd slice(FloatNd x, int lo, int m, int item) {
        return new FloatNd(x.data(), x.offset() + lo * item, x.shape().dropFirst().prepend(m));
    }

    private static int classes(FloatNd y, int m) {
        if (y.shape().rank() != 2 || y.shape().dim(0) != m) {
            throw new IllegalArgumentException("explanations need a classifier with outputs [N, K], this model gives "
                    + y.shape());
        }
        return y.shape().dim(1);
    }
}
