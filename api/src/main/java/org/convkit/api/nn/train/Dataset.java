package org.convkit.api.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Labelled samples held in memory: features {@code [N, C, spatial...]} (float32, row-major, batch
 * first), one class index per sample and the class names. Immutable by contract: the features array
 * is wrapped, not copied, and must not be modified while the data set is in use; labels are copied.
 */
public final class Dataset {
    private final FloatNd features;
    private final int[] labels;
    private final List<String> classNames;
    private final int itemSize;

    /** A batch of samples: {@code x} shaped {@code [n, C, ...]} and {@code y} the {@code [n]} labels as floats. */
    public record Batch(FloatNd x, FloatNd y) {
    }

    /** A data set cut in two, for training and validation. */
    public record Split(Dataset train, Dataset validation) {
    }

    /**
     * @param features   {@code [N, C, ...]}, at least rank 2
     * @param labels     {@code N} class indices in {@code [0, classNames.size())}
     * @param classNames the name of each class, unique, at least one
     */
    public Dataset(FloatNd features, int[] labels, List<String> classNames) {
        Shape s = features.shape();
        if (s.rank() < 2) {
            throw new IllegalArgumentException("features must be [N, C, ...] (rank at least 2), got shape " + s);
        }
        if (s.dim(0) != labels.length) {
            throw new IllegalArgumentException("features of shape " + s + " hold " + s.dim(0) + " samples but "
                    + labels.length + " labels were given");
        }
        this.classNames = List.copyOf(classNames);
        if (this.classNames.isEmpty() || new HashSet<>(this.classNames).size() != this.classNames.size()) {
            throw new IllegalArgumentException("class names must be non-empty and unique, got " + classNames);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside [0, "
                        + this.classNames.size() + ") for classes " + this.classNames);
            }
        }
        this.features = features;
        this.labels = labels.clone();
        this.itemSize = s.dropFirst().size();
    }

    /** Class names {@code "0"} to {@code "n-1"}, for data sets whose classes are digits or indices. */
    public static List<String> indexNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** The number of samples N. */
    public int size() {
        return labels.length;
    }

    /** The features, {@code [N, C, ...]} (not a copy: do not modify). */
    public FloatNd features() {
        return features;
    }

    /** The shape of one sample, {@code [C, ...]}. */
    public Shape sampleShape() {
        return features.shape().dropFirst();
    }

    public int label(int i) {
        return labels[i];
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classes() {
        return classNames.size();
    }

    /** How many samples each class has. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The samples at {@code indices}, in that order (repeats allowed), copied into a new data set. */
    public Dataset subset(int[] indices) {
        Batch b = batch(indices);
        int[] ls = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            ls[i] = labels[indices[i]];
        }
        return new Dataset(b.x(), ls, classNames);
    }

    /**
     * A seeded, stratified split: each class gives {@code round(fraction * count)} of its samples,
     * chosen by a shuffle seeded with {@code seed}, to the validation set; the rest train. Both parts
     * keep the original sample order. The validation set may be empty (fraction 0 or tiny classes).
     *
     * @param validationFraction in {@code [0, 1)}
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        int n = size();
        int[] order = permutation(n, new SplittableRandom(Seeds.split(seed)));
        int[] quota = classCounts();
        for (int c = 0; c < quota.length; c++) {
            quota[c] = (int) Math.round(validationFraction * quota[c]);
        }
        boolean[] validation = new boolean[n];
        for (int i : order) {
            if (quota[labels[i]] > 0) {
                quota[labels[i]]--;
                validation[i] = true;
            }
        }
        int nv = 0;
        for (boolean v : validation) {
            nv += v ? 1 : 0;
        }
        int[] vi = new int[nv];
        int[] ti = new int[n - nv];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (validation[i]) {
                vi[a++] = i;
            } else {
                ti[b++] = i;
            }
        }
        return new Split(subset(ti), subset(vi));
    }

    /** The samples at {@code indices} as a fresh batch: features {@code [n, C, ...]}, labels {@code [n]} as floats. */
    public Batch batch(int[] indices) {
        int n = indices.length;
        float[] x = new float[n * itemSize];
        float[] y = new float[n];
        float[] src = features.data();
        int off = features.offset();
        for (int i = 0; i < n; i++) {
            int k = indices[i];
            if (k < 0 || k >= size()) {
                throw new IndexOutOfBoundsException("sample index " + k + " outside a data set of " + size());
            }
            System.arraycopy(src, off + k * itemSize, x, i * itemSize, itemSize);
            y[i] = labels[k];
        }
        return new Batch(FloatNd.of(sampleShape().prepend(n), x), FloatNd.of(Shape.of(n), y));
    }

    /** A Fisher-Yates permutation of {@code [0, n)} drawn from {@code rng}. */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " samples of " + sampleShape() + ", classes " + classNames + ", counts "
                + Arrays.toString(classCounts()) + ")";
    }
}
