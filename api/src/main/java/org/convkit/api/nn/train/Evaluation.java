package org.convkit.api.nn.train;

import java.util.Arrays;
import java.util.List;

/**
 * Classification metrics of predictions against labels, as scikit-learn's
 * {@code accuracy_score}, {@code precision_recall_fscore_support(average=None, zero_division=0)} and
 * {@code confusion_matrix} define them. For class {@code c}: precision {@code TP / (TP + FP)},
 * recall {@code TP / (TP + FN)}, F1 {@code 2 P R / (P + R)}; each is 0 where its denominator is 0
 * (no sample predicted as, or labelled as, the class).
 *
 * @param classNames the class of each row and column
 * @param loss       the mean loss over the samples, NaN when no loss was computed
 * @param accuracy   the fraction of correct predictions (NaN for no samples)
 * @param confusion  {@code confusion[true][predicted]} sample counts
 * @param precision  per class
 * @param recall     per class
 * @param f1         per class
 */
public record Evaluation(List<String> classNames, double loss, double accuracy, int[][] confusion,
        double[] precision, double[] recall, double[] f1) {

    public Evaluation {
        classNames = List.copyOf(classNames);
        int k = classNames.size();
        if (confusion.length != k || precision.length != k || recall.length != k || f1.length != k) {
            throw new IllegalArgumentException("metrics for " + k + " classes need " + k + " rows, got confusion "
                    + confusion.length + ", precision " + precision.length + ", recall " + recall.length + ", f1 "
                    + f1.length);
        }
    }

    /**
     * The metrics of {@code predicted} against {@code labels} (class indices in
     * {@code [0, classNames.size())}, same length).
     */
    public static Evaluation of(int[] predicted, int[] labels, List<String> classNames, double loss) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + labels.length + " labels");
        }
        int k = classNames.size();
        int[][] cm = new int[k][k];
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int t = labels[i];
            int p = predicted[i];
            if (t < 0 || t >= k || p < 0 || p >= k) {
                throw new IllegalArgumentException("sample " + i + ": label " + t + " or prediction " + p
                        + " outside [0, " + k + ")");
            }
            cm[t][p]++;
            correct += t == p ? 1 : 0;
        }
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        for (int c = 0; c < k; c++) {
            long tp = cm[c][c];
            long predictedAs = 0;
            long labelledAs = 0;
            for (int o = 0; o < k; o++) {
                predictedAs += cm[o][c];
                labelledAs += cm[c][o];
            }
            precision[c] = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            recall[c] = labelledAs == 0 ? 0 : (double) tp / labelledAs;
            double s = precision[c] + recall[c];
            f1[c] = s == 0 ? 0 : 2 * precision[c] * recall[c] / s;
        }
        double accuracy = labels.length == 0 ? Double.NaN : (double) correct / labels.length;
        return new Evaluation(classNames, loss, accuracy, cm, precision, recall, f1);
    }

    /** The unweighted mean of the per-class F1 scores (scikit-learn's {@code average='macro'}). */
    public double macroF1() {
        return Arrays.stream(f1).average().orElse(Double.NaN);
    }

    /** The number of samples evaluated. */
    public int samples() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    @Override
    public int[][] confusion() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] f1() {
        return f1.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && e.classNames.equals(classNames)
                && Double.compare(e.loss, loss) == 0 && Double.compare(e.accuracy, accuracy) == 0
                && Arrays.deepEquals(e.confusion, confusion) && Arrays.equals(e.precision, precision)
                && Arrays.equals(e.recall, recall) && Arrays.equals(e.f1, f1);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {classNames, loss, accuracy, confusion, precision, recall, f1});
    }

    @Override
    public String toString() {
        return "Evaluation(samples " + samples() + ", loss " + loss + ", accuracy " + accuracy + ", macro F1 "
                + macroF1() + ")";
    }
}
