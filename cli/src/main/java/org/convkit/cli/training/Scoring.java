package org.convkit.cli.training;

import java.util.Arrays;
import java.util.List;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.Evaluation;
import org.convkit.api.nn.train.Evaluator;

/** Scores a loaded model on a labelled data set whose classes are named as the model's (in any order). */
public final class Scoring {
    private Scoring() {
    }

    /**
     * The accuracy, per-class metrics and confusion matrix of {@code loaded} on {@code data}, rows and
     * columns in the model's class order.
     *
     * @throws IllegalArgumentException when the samples' shape is not the model's input shape, or a
     *                                  class of the data is not one of the model's
     */
    public static Evaluation evaluate(LoadedModel loaded, Dataset data, int batch, int threads) {
        List<String> modelClasses = loaded.metadata().classNames();
        Shape expected = Shape.of(loaded.metadata().inputShape());
        if (!data.sampleShape().equals(expected)) {
            throw new IllegalArgumentException("the data's samples have shape " + data.sampleShape()
                    + " but the model takes " + expected);
        }
        int[] map = new int[data.classes()];
        for (int c = 0; c < map.length; c++) {
            map[c] = modelClasses.indexOf(data.classNames().get(c));
            if (map[c] < 0) {
                throw new IllegalArgumentException("the data's class '" + data.classNames().get(c)
                        + "' is not one of the model's classes " + modelClasses);
            }
        }
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = map[labels[i]];
        }
        Dataset remapped = new Dataset(data.features(), labels, modelClasses);
        return Evaluator.evaluate(loaded.model(), new SoftmaxCrossEntropy(), remapped, batch, threads);
    }

    /** A fixed-width table of the confusion matrix: true classes down, predicted across. */
    public static String confusionTable(Evaluation e) {
        List<String> names = e.classNames();
        int[][] cm = e.confusion();
        int w = 5;
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        for (int[] row : cm) {
            for (int v : row) {
                w = Math.max(w, Integer.toString(v).length());
            }
        }
        StringBuilder b = new StringBuilder();
        String cell = "%" + (w + 2) + "s";
        b.append(String.format("%-" + (w + 2) + "s", "true\\pred"));
        names.forEach(n -> b.append(String.format(cell, n)));
        b.append('\n');
        for (int r = 0; r < cm.length; r++) {
            b.append(String.format("%-" + (w + 2) + "s", names.get(r)));
            Arrays.stream(cm[r]).forEach(v -> b.append(String.format(cell, v)));
            b.append('\n');
        }
        return b.toString();
    }

    /** Per-class precision, recall, F1 and support, one line each. */
    public static String perClassTable(Evaluation e) {
        List<String> names = e.classNames();
        int w = Math.max(5, names.stream().mapToInt(String::length).max().orElse(5));
        int[][] cm = e.confusion();
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-" + w + "s  %9s  %6s  %6s  %7s%n",
                "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < names.size(); c++) {
            b.append(String.format(java.util.Locale.ROOT, "%-" + w + "s  %9.3f  %6.3f  %6.3f  %7d%n", names.get(c),
                    e.precision()[c], e.recall()[c], e.f1()[c], Arrays.stream(cm[c]).sum()));
        }
        return b.toString();
    }
}
