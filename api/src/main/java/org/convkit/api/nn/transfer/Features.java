package org.convkit.api.nn.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convkit.api.io.Csv;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.train.Dataset;

/**
 * The activations of a named layer (its output in an evaluation pass), as features for other models.
 * Inputs are what the network takes ({@code [N, C, ...]}, already normalised if the model expects
 * it); features are flattened per input in row-major order, one row per input. Inputs run in
 * batches; a layer's output for an input does not depend on the batch it is in nor on the threads.
 */
public final class Features {

    private Features() {
    }

    /**
     * The output of {@code layer} for {@code batch} in an evaluation pass, a copy shaped as the
     * layer's output ({@code [n, ...]}).
     *
     * @throws IllegalArgumentException naming the layer and listing the layers when it is absent
     */
    public static FloatNd activations(Model model, String layer, FloatNd batch, int threads) {
        requireLayer(model, layer);
        model.forward(batch, Pass.eval(threads));
        return model.activation(layer).copy();
    }

    /** The features {@code [N, F]} of inputs {@code [N, C, ...]}, run {@code batchSize} at a time. */
    public static FloatNd extract(Model model, String layer, FloatNd inputs, int batchSize, int threads) {
        requireLayer(model, layer);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        Shape s = inputs.shape();
        if (s.rank() < 2) {
            throw new IllegalArgumentException("inputs must be [N, C, ...], got " + s);
        }
        int n = s.dim(0);
        int item = s.dropFirst().size();
        float[] out = null;
        int width = 0;
        for (int lo = 0; lo < n; lo += batchSize) {
            int m = Math.min(batchSize, n - lo);
            FloatNd batch = new FloatNd(inputs.data(), inputs.offset() + lo * item, s.dropFirst().prepend(m));
            FloatNd a = activations(model, layer, batch, threads);
            if (out == null) {
                width = a.shape().size() / m;
                out = new float[Math.multiplyExact(n, width)];
            }
            System.arraycopy(a.data(), a.offset(), out, lo * width, m * width);
        }
        return out == null ? FloatNd.zeros(Shape.of(0, 0)) : FloatNd.of(Shape.of(n, width), out);
    }

    /** The features {@code [N, F]} of a data set's samples, in its order (labels are not used). */
    public static FloatNd extract(Model model, String layer, Dataset data, int batchSize, int threads) {
        return extract(model, layer, data.features(), batchSize, threads);
    }

    /** The features {@code [N, F]} of inputs {@code [C, ...]} of one shape, in list order. */
    public static FloatNd extract(Model model, String layer, List<FloatNd> inputs, int batchSize, int threads) {
        return extract(model, layer, stack(inputs), batchSize, threads);
    }

    /** Stacks inputs of one shape {@code [C, ...]} into {@code [N, C, ...]}; errors name the first misfit. */
    public static FloatNd stack(List<FloatNd> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs to stack");
        }
        Shape one = inputs.get(0).shape();
        float[] all = new float[Math.multiplyExact(inputs.size(), one.size())];
        for (int i = 0; i < inputs.size(); i++) {
            FloatNd x = inputs.get(i);
            if (!x.shape().equals(one)) {
                throw new IllegalArgumentException("input " + i + " has shape " + x.shape() + " but input 0 has "
                        + one);
            }
            System.arraycopy(x.data(), x.offset(), all, i * one.size(), one.size());
        }
        return FloatNd.of(one.prepend(inputs.size()), all);
    }

    /**
     * Writes features {@code [N, F]} atomically: {@code .npy} (float32) or {@code .csv} (one row per
     * input), chosen by the file's extension.
     */
    public static void write(Path file, FloatNd features) throws IOException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (features.shape().rank() != 2) {
            throw new IllegalArgumentException("features must be [N, F], got " + features.shape());
        }
        if (name.endsWith(".npy")) {
            Npy.write(file, features);
        } else if (name.endsWith(".csv")) {
            Csv.write(file, features);
        } else {
            throw new IllegalArgumentException(file + ": features are written as .npy or .csv");
        }
    }

    static void requireLayer(Model model, String layer) {
        if (!model.layerNames().contains(layer)) {
            throw new IllegalArgumentException("no layer '" + layer + "'; layers are " + model.layerNames());
        }
    }
}
