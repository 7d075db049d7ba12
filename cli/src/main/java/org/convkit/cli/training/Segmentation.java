package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.Domain;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;

/**
 * Per-position prediction for segmentation models, whose output is {@code [n, classes, spatial...]}
 * (a UNet labelling every voxel): each file's samples (the same path as {@link Prediction}), the class
 * of every position (the largest logit, the first on ties: softmax does not change the order), written
 * as a label map {@code [n, spatial...]} of class indices (float32 {@code .npy}) and summarised as the
 * fraction of positions in each class.
 */
public final class Segmentation {

    /**
     * One file's labels.
     *
     * @param file      the input file
     * @param labelMap  the {@code .npy} written, {@code [samples, spatial...]} class indices
     * @param shape     that array's shape
     * @param fractions the fraction of all positions given to each class
     * @param note      as {@link Prediction.FilePrediction#note()}
     */
    public record FileLabels(Path file, Path labelMap, Shape shape, double[] fractions, String note) {
    }

    private Segmentation() {
    }

    /** Whether {@code loaded} labels positions: its output for one input has more than two axes. */
    public static boolean labelsPositions(LoadedModel loaded) {
        Shape input = Shape.of(loaded.metadata().inputShape()).prepend(1);
        return loaded.model().outputShape(input).rank() > 2;
    }

    /** Labels every file, writing {@code dir/<file name>.labels.npy} (atomically) for each. */
    public static List<FileLabels> predict(LoadedModel loaded, Domain domain, List<Path> files, int batch, int threads,
            Path dir) throws IOException {
        Files.createDirectories(dir);
        int k = loaded.metadata().classNames().size();
        List<FileLabels> out = new ArrayList<>();
        for (Path f : files) {
            String[] note = new String[1];
            FloatNd x = Prediction.samples(loaded, domain, f, note);
            FloatNd labels = labels(loaded, x, k, batch, threads);
            Path target = dir.resolve(f.getFileName() + ".labels.npy");
            Npy.write(target, labels);
            out.add(new FileLabels(f, target, labels.shape(), fractions(labels, k), note[0]));
        }
        return out;
    }

    /** {@code [n, spatial...]}: the class of each position of each sample of {@code x}. */
    static FloatNd labels(LoadedModel loaded, FloatNd x, int k, int batch, int threads) {
        Shape out = loaded.model().outputShape(x.shape());
        if (out.rank() < 3 || out.dim(1) != k) {
            throw new IllegalArgumentException("the model gives outputs of shape " + out + " for " + k
                    + " classes; a segmentation model gives [n, " + k + ", spatial...]");
        }
        Shape spatial = out.dropFirst().dropFirst();
        float[] all = new float[out.dim(0) * spatial.size()];
        Prediction.forEachBatch(loaded, x, batch, threads,
                (lo, m, logits) -> argmaxOverClasses(logits, k, spatial.size(), all, lo * spatial.size()));
        return FloatNd.of(spatial.prepend(out.dim(0)), all);
    }

    private static void argmaxOverClasses(FloatNd logits, int k, int positions, float[] out, int at) {
        float[] v = logits.data();
        int base = logits.offset();
        int m = logits.shape().dim(0);
        for (int s = 0; s < m; s++) {
            int sample = base + s * k * positions;
            for (int p = 0; p < positions; p++) {
                int best = 0;
                float bestValue = v[sample + p];
                for (int c = 1; c < k; c++) {
                    float value = v[sample + c * positions + p];
                    if (value > bestValue) {
                        best = c;
                        bestValue = value;
                    }
                }
                out[at + s * positions + p] = best;
            }
        }
    }

    private static double[] fractions(FloatNd labels, int k) {
        long[] counts = new long[k];
        float[] v = labels.data();
        int n = labels.shape().size();
        for (int i = 0; i < n; i++) {
            counts[(int) v[labels.offset() + i]]++;
        }
        double[] f = new double[k];
        for (int c = 0; c < k; c++) {
            f[c] = (double) counts[c] / n;
        }
        return f;
    }
}
