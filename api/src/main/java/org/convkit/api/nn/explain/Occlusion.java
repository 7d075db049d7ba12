package org.convkit.api.nn.explain;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Occlusion maps (Zeiler &amp; Fergus 2014, "Visualizing and understanding convolutional networks"):
 * a patch of {@code patch} positions along every spatial axis, all channels, is set to the
 * {@link Baseline} at every placement, and each position gets the mean drop of the class logit
 * {@code f(x) - f(x occluded)} over the placements that cover it (as Captum's {@code Occlusion}).
 * Placements start at {@code 0, stride, 2 stride, ...} along each axis, plus one flush with the end
 * when the stride leaves the last positions uncovered, so every position is covered.
 */
public final class Occlusion {

    private Occlusion() {
    }

    /** The occlusion map of {@code x [C, spatial...]} for class {@code cls}, shaped {@code [spatial...]}. */
    public static FloatNd map(Scorer scorer, FloatNd x, int cls, OcclusionConfig config) {
        Shape s = x.shape();
        if (s.rank() < 2) {
            throw new IllegalArgumentException("occlusion needs an input [C, spatial...], got " + s);
        }
        Shape spatial = s.dropFirst();
        int rank = spatial.rank();
        int[] patch = new int[rank];
        int[][] starts = new int[rank][];
        for (int a = 0; a < rank; a++) {
            patch[a] = Math.min(config.patch(), spatial.dim(a));
            starts[a] = starts(spatial.dim(a), patch[a], config.stride());
        }
        int placements = 1;
        for (int[] st : starts) {
            placements = Math.multiplyExact(placements, st.length);
        }
        float[] xd = x.copy().data();
        float[] base = config.baseline().of(x).data();
        int size = s.size();
        int area = spatial.size();
        int channels = s.dim(0);
        float[] fx = scorer.sampleScores(x);
        Scorer.checkClass(cls, fx.length);
        double[] drop = new double[area];
        int[] cover = new int[area];
        int batch = scorer.batchSize();
        int[] at = new int[rank];
        for (int first = 0; first < placements; first += batch) {
            int count = Math.min(batch, placements - first);
            float[] occluded = new float[count * size];
            int[][] windows = new int[count][];
            for (int k = 0; k < count; k++) {
                placement(first + k, starts, at);
                windows[k] = window(spatial, at, patch);
                System.arraycopy(xd, 0, occluded, k * size, size);
                for (int p : windows[k]) {
                    for (int c = 0; c < channels; c++) {
                        occluded[k * size + c * area + p] = base[c * area + p];
                    }
                }
            }
            float[][] scores = scorer.scores(FloatNd.of(s.prepend(count), occluded));
            for (int k = 0; k < count; k++) {
                double d = (double) fx[cls] - scores[k][cls];
                for (int p : windows[k]) {
                    drop[p] += d;
                    cover[p]++;
                }
            }
        }
        float[] out = new float[area];
        for (int p = 0; p < area; p++) {
            out[p] = (float) (drop[p] / cover[p]);
        }
        return FloatNd.of(spatial, out);
    }

    private static int[] starts(int dim, int patch, int stride) {
        int regular = (dim - patch) / stride + 1;
        boolean tail = (regular - 1) * stride + patch < dim;
        int[] out = new int[regular + (tail ? 1 : 0)];
        for (int i = 0; i < regular; i++) {
            out[i] = i * stride;
        }
        if (tail) {
            out[regular] = dim - patch;
        }
        return out;
    }

    /** The start of placement {@code index} along each axis (row-major over the placements). */
    private static void placement(int index, int[][] starts, int[] at) {
        for (int a = starts.length - 1; a >= 0; a--) {
            at[a] = starts[a][index % starts[a].length];
            index /= starts[a].length;
        }
    }

    /** The flat spatial positions of the patch starting at {@code at}. */
    private static int[] window(Shape spatial, int[] at, int[] patch) {
        int rank = spatial.rank();
        int n = 1;
        for (int p : patch) {
            n *= p;
        }
        int[] out = new int[n];
        int[] idx = new int[rank];
        for (int i = 0; i < n; i++) {
            int flat = 0;
            for (int a = 0; a < rank; a++) {
                flat = flat * spatial.dim(a) + at[a] + idx[a];
            }
            out[i] = flat;
            for (int a = rank - 1; a >= 0; a--) {
                if (++idx[a] < patch[a]) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return out;
    }
}
