package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.Pass;
import org.convkit.api.signal.FilterChain;

/**
 * Class probabilities for raw files. With a domain, a file goes the way training data went:
 * {@link Domain#read} then {@link Domain#samples} (which applies the domain's preprocessing, the
 * chain the model file records), giving one or more samples (windows, patches). Without one, the
 * file is read by any format found, the recorded preprocessing chain is applied along its last
 * axis, and it must hold one sample of the model's input shape or a stack {@code [n, input...]}.
 * Probabilities are the softmax of the outputs, computed in double precision.
 */
public final class Prediction {

    /**
     * The predictions for one file.
     *
     * @param file          the file
     * @param probabilities {@code [sample][class]}
     * @param note          why the result may not be comparable to training (the domain filters this file
     *                      other than the model records, e.g. at another sample rate), or null
     */
    public record FilePrediction(Path file, double[][] probabilities, String note) {

        /** The mean probability of each class over the file's samples. */
        public double[] mean() {
            int k = probabilities[0].length;
            double[] m = new double[k];
            for (double[] p : probabilities) {
                for (int c = 0; c < k; c++) {
                    m[c] += p[c] / probabilities.length;
                }
            }
            return m;
        }
    }

    private Prediction() {
    }

    /** Predicts every file in order; {@code domain} may be null (see the class comment). */
    public static List<FilePrediction> predict(LoadedModel loaded, Domain domain, List<Path> files, int batch,
            int threads) throws IOException {
        List<FilePrediction> out = new ArrayList<>();
        for (Path f : files) {
            String[] note = new String[1];
            FloatNd x = samples(loaded, domain, f, note);
            out.add(new FilePrediction(f, probabilities(loaded, x, batch, threads), note[0]));
        }
        return out;
    }

    /** The samples {@code [n, input...]} one file yields, checked against the model's input shape. */
    static FloatNd samples(LoadedModel loaded, Domain domain, Path file, String[] note) throws IOException {
        Shape input = Shape.of(loaded.metadata().inputShape());
        FloatNd x;
        if (domain != null) {
            DataFile d = domain.read(file);
            x = domain.samples(d, input);
            String used = json(RecordedPreprocessing.forMetadata(domain, d.metadata()));
            String recorded = json(loaded.metadata().preprocessing());
            if (!used.equals(recorded)) {
                note[0] = "the " + domain.name() + " domain filters this file with " + used
                        + " but the model was trained with " + recorded;
            }
        } else {
            DataFile d = Domains.read(file);
            NdArray a = d.data();
            FilterChain chain = loaded.metadata().preprocessing();
            if (chain != null && !chain.steps().isEmpty()) {
                a = chain.apply(a.toDouble(), ConvContext.defaults());
            }
            if (a.shape().equals(input)) {
                x = a.toFloat().reshape(input.prepend(1));
            } else {
                x = a.toFloat();
            }
        }
        if (!x.shape().dropFirst().equals(input) || x.shape().dim(0) < 1) {
            throw new DataFileException(file, "yields samples of shape " + x.shape().dropFirst()
                    + " but the model takes " + input + (domain == null ? " (no domain recorded: pass --domain)" : ""));
        }
        return x;
    }

    private static String json(FilterChain c) {
        return c == null ? "no filter" : c.toJson();
    }

    /** What one evaluation forward pass over samples {@code [lo, lo + m)} gave. */
    @FunctionalInterface
    interface BatchOutput {
        void accept(int lo, int m, FloatNd out);
    }

    /** Runs the model in evaluation mode over {@code x} {@code [n, input...]}, {@code batch} samples at a time. */
    static void forEachBatch(LoadedModel loaded, FloatNd x, int batch, int threads, BatchOutput sink) {
        int n = x.shape().dim(0);
        int item = x.shape().dropFirst().size();
        Pass pass = Pass.eval(threads);
        for (int lo = 0; lo < n; lo += batch) {
            int m = Math.min(batch, n - lo);
            float[] part = new float[m * item];
            System.arraycopy(x.data(), x.offset() + lo * item, part, 0, part.length);
            sink.accept(lo, m, loaded.model().forward(FloatNd.of(x.shape().dropFirst().prepend(m), part), pass));
        }
    }

    private static double[][] probabilities(LoadedModel loaded, FloatNd x, int batch, int threads) {
        int k = loaded.metadata().classNames().size();
        double[][] p = new double[x.shape().dim(0)][];
        forEachBatch(loaded, x, batch, threads, (lo, m, out) -> {
            if (!out.shape().equals(Shape.of(m, k))) {
                throw new IllegalArgumentException("the model gives outputs of shape " + out.shape() + " for " + k
                        + " classes; predict needs a classifier");
            }
            for (int i = 0; i < m; i++) {
                p[lo + i] = softmax(out, i * k, k);
            }
        });
        return p;
    }

    static double[] softmax(FloatNd out, int from, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, out.getDouble(from + c));
        }
        double[] p = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(out.getDouble(from + c) - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** The index of the largest value, the first on ties. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
