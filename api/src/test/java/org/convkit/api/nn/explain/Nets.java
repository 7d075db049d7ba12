package org.convkit.api.nn.explain;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/** Small seeded networks for the explanation tests, and a float64 re-implementation of the conv net. */
final class Nets {
    private Nets() {
    }

    /** flatten then linear({@code C * prod(spatial)} -> {@code classes}): class score {@code W[k] . x + b[k]}. */
    static Model linear(Shape input, int classes, long seed) {
        Model m = Model.build(new SequentialSpec(List.of(
                new NamedLayer("flat", new FlattenSpec()),
                new NamedLayer("fc", new LinearSpec(input.size(), classes, true)))));
        Init.initialise(m, seed, Init.Scheme.PYTORCH_DEFAULT);
        return m;
    }

    /** conv(C -> 3, kernel 3, valid) relu flatten linear(-> classes), for inputs {@code [C, spatial...]}. */
    static Model conv(Shape input, int classes, long seed) {
        int rank = input.rank() - 1;
        int out = 3;
        int flat = out;
        for (int a = 1; a < input.rank(); a++) {
            flat *= input.dim(a) - 2;
        }
        int[] k = new int[rank];
        int[] one = new int[rank];
        java.util.Arrays.fill(k, 3);
        java.util.Arrays.fill(one, 1);
        Model m = Model.build(new SequentialSpec(List.of(
                new NamedLayer("conv",
                        new ConvLayerSpec(rank, input.dim(0), out, k, one, Padding.valid(), one, 1, true)),
                new NamedLayer("relu", ReluSpec.relu()),
                new NamedLayer("flat", new FlattenSpec()),
                new NamedLayer("fc", new LinearSpec(flat, classes, true)))));
        Init.initialise(m, seed, Init.Scheme.PYTORCH_DEFAULT);
        return m;
    }

    static FloatNd random(Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (2 * r.nextDouble() - 1);
        }
        return FloatNd.of(s, d);
    }

    /** Logit {@code cls} of {@link #conv} in float64, written from the definitions (valid cross-correlation). */
    static double convScore(Model m, Shape input, double[] x, int cls) {
        float[] w = m.parameters().get("conv.weight").value().data();
        float[] b = m.parameters().get("conv.bias").value().data();
        float[] fw = m.parameters().get("fc.weight").value().data();
        float[] fb = m.parameters().get("fc.bias").value().data();
        int channels = input.dim(0);
        Shape spatial = input.dropFirst();
        int rank = spatial.rank();
        int[] outDims = spatial.dims();
        for (int a = 0; a < rank; a++) {
            outDims[a] -= 2;
        }
        Shape outSpatial = Shape.of(outDims);
        int kSize = (int) Math.pow(3, rank);
        double score = fb[cls];
        int flat = 0;
        for (int o = 0; o < 3; o++) {
            for (int p = 0; p < outSpatial.size(); p++, flat++) {
                int[] at = unflat(outSpatial, p);
                double s = b[o];
                for (int c = 0; c < channels; c++) {
                    for (int r = 0; r < kSize; r++) {
                        int[] off = unflat(Shape.of(filled(rank, 3)), r);
                        int[] pos = new int[rank];
                        for (int a = 0; a < rank; a++) {
                            pos[a] = at[a] + off[a];
                        }
                        s += (double) w[(o * channels + c) * kSize + r] * x[c * spatial.size() + spatial.index(pos)];
                    }
                }
                score += fw[cls * outSpatial.size() * 3 + flat] * Math.max(0, s);
            }
        }
        return score;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static int[] unflat(Shape s, int flat) {
        int[] idx = new int[s.rank()];
        for (int a = s.rank() - 1; a >= 0; a--) {
            idx[a] = flat % s.dim(a);
            flat /= s.dim(a);
        }
        return idx;
    }
}
