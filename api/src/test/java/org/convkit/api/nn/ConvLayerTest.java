package org.convkit.api.nn;

import static org.convkit.api.nn.ConvChecks.assertMatches;
import static org.convkit.api.nn.ConvChecks.param;
import static org.convkit.api.nn.ConvChecks.random;
import static org.convkit.api.nn.ConvChecks.randomise;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvLayerTest {

    /** Builds a layer with random parameters, runs it on a random input and compares with the reference. */
    private static void check(ConvLayerSpec spec, int[] xShape, long seed, int threads) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ConvLayer layer = new ConvLayer(spec);
        randomise(layer, rnd);
        FloatNd x = random(rnd, xShape);
        Shape ys = layer.outputShape(x.shape());
        FloatNd gy = random(rnd, ys.dims());
        float[] b = spec.bias() ? param(layer, "bias") : null;
        ConvReference.Result want = ConvReference.conv(xShape, x.toArray(), layer.parameters().get(0).shape().dims(),
                param(layer, "weight"), b, spec.stride(), spec.padding(), spec.dilation(), spec.groups(), gy.toArray());
        assertMatches(layer, x, gy, want, threads);
    }

    private static int[] ints(SplittableRandom rnd, int r, int lo, int hi) {
        int[] v = new int[r];
        for (int a = 0; a < r; a++) {
            v[a] = rnd.nextInt(lo, hi + 1);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void backwardParametersAddsTheReferenceWeightAndBiasGradients(int rank) {
        SplittableRandom rnd = new SplittableRandom(700 + rank);
        ConvLayerSpec spec = ConvLayerSpec.of(rank, 3, 4, 3, Padding.of(1));
        ConvLayer layer = new ConvLayer(spec);
        randomise(layer, rnd);
        int[] xShape = rank == 1 ? new int[] {2, 3, 11} : rank == 2 ? new int[] {2, 3, 7, 6} : new int[] {2, 3, 5, 4, 6};
        FloatNd x = random(rnd, xShape);
        FloatNd gy = random(rnd, layer.outputShape(x.shape()).dims());
        ConvReference.Result want = ConvReference.conv(xShape, x.toArray(), layer.parameters().get(0).shape().dims(),
                param(layer, "weight"), param(layer, "bias"), spec.stride(), spec.padding(), spec.dilation(),
                spec.groups(), gy.toArray());
        layer.forward(x, Pass.train(2, 1));
        layer.backwardParameters(gy);
        ConvChecks.assertClose("gw", want.gw(), ConvChecks.grad(layer, "weight"));
        ConvChecks.assertClose("gb", want.gb(), ConvChecks.grad(layer, "bias"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void matchesReferenceOnRandomShapes(int rank) {
        SplittableRandom rnd = new SplittableRandom(100 + rank);
        for (int trial = 0; trial < 25; trial++) {
            int groups = rnd.nextInt(1, 4);
            int[] k = ints(rnd, rank, 1, rank == 3 ? 3 : 4);
            int[] s = ints(rnd, rank, 1, 3);
            int[] d = ints(rnd, rank, 1, 2);
            int kind = rnd.nextInt(3);
            int[] pad = ints(rnd, rank, 0, 2);
            Padding padding = kind == 0 ? Padding.of(pad) : kind == 1 ? Padding.valid() : Padding.same();
            int[] x = new int[rank + 2];
            x[0] = rnd.nextInt(1, 4);
            x[1] = groups * rnd.nextInt(1, 3);
            for (int a = 0; a < rank; a++) {
                int span = d[a] * (k[a] - 1) + 1;
                int min = Math.max(1, span - (kind == 0 ? 2 * pad[a] : 0));
                x[a + 2] = rnd.nextInt(min, min + (rank == 3 ? 4 : 8));
            }
            ConvLayerSpec spec = new ConvLayerSpec(rank, x[1], groups * rnd.nextInt(1, 3), k, s, padding, d, groups,
                    rnd.nextBoolean());
            check(spec, x, 1000L * rank + trial, 1 + trial % 2);
        }
    }

    @Test
    void stridedDilatedGroupedConvolutionMatchesReference() {
        check(new ConvLayerSpec(2, 6, 4, new int[] {3, 2}, new int[] {2, 3}, Padding.of(1, 2), new int[] {2, 1}, 2,
                true), new int[] {2, 6, 11, 10}, 1, 1);
    }

    @Test
    void samePaddingKeepsInputShapeForEvenKernels() {
        ConvLayerSpec spec = new ConvLayerSpec(2, 2, 3, new int[] {4, 2}, new int[] {1}, Padding.same(),
                new int[] {1, 3}, 1, true);
        assertEquals(Shape.of(2, 3, 7, 5), new ConvLayer(spec).outputShape(Shape.of(2, 2, 7, 5)));
        check(spec, new int[] {2, 2, 7, 5}, 2, 1);
    }

    @Test
    void stridedSamePaddingGivesCeilOfSizeOverStride() {
        ConvLayerSpec spec = new ConvLayerSpec(3, 2, 2, new int[] {3, 2, 4}, new int[] {2, 3, 2}, Padding.same(),
                new int[] {1}, 1, false);
        assertEquals(Shape.of(1, 2, 4, 3, 3), new ConvLayer(spec).outputShape(Shape.of(1, 2, 7, 7, 6)));
        check(spec, new int[] {1, 2, 7, 7, 6}, 3, 2);
    }

    @Test
    void kernelAsLargeAsInputGivesOnePosition() {
        ConvLayerSpec spec = new ConvLayerSpec(2, 3, 2, new int[] {5, 4}, new int[] {1}, Padding.valid(),
                new int[] {1}, 1, true);
        assertEquals(Shape.of(2, 2, 1, 1), new ConvLayer(spec).outputShape(Shape.of(2, 3, 5, 4)));
        check(spec, new int[] {2, 3, 5, 4}, 4, 1);
    }

    @Test
    void batchOfOneMatchesReferenceWithTwoThreads() {
        check(ConvLayerSpec.of(1, 3, 4, 5, Padding.of(2)), new int[] {1, 3, 17}, 5, 2);
    }

    @Test
    void oneByOneKernelMatchesReference() {
        check(new ConvLayerSpec(3, 4, 6, new int[] {1}, new int[] {1}, Padding.of(0), new int[] {1}, 2, true),
                new int[] {3, 4, 3, 2, 5}, 6, 2);
    }

    @Test
    void oneByOneStridedKernelMatchesReference() {
        check(new ConvLayerSpec(2, 3, 2, new int[] {1}, new int[] {2}, Padding.of(1), new int[] {1}, 1, true),
                new int[] {2, 3, 5, 6}, 7, 1);
    }

    @Test
    void inputLargerThanOneColumnBlockMatchesReference() {
        ConvLayerSpec spec = new ConvLayerSpec(2, 16, 4, new int[] {3}, new int[] {1}, Padding.of(1), new int[] {1}, 1,
                true);
        assertTrue(16 * 9 * 64 * 64 > ConvWork.COLUMN_BLOCK, "the case must need several column blocks");
        check(spec, new int[] {2, 16, 64, 64}, 12, 2);
    }

    @Test
    void gradientsAccumulateOverBackwardCalls() {
        SplittableRandom rnd = new SplittableRandom(8);
        ConvLayer layer = new ConvLayer(ConvLayerSpec.of(2, 2, 2, 3, Padding.same()));
        randomise(layer, rnd);
        FloatNd x = random(rnd, 2, 2, 5, 5);
        FloatNd gy = random(rnd, 2, 2, 5, 5);
        layer.forward(x, Pass.train(1, 0));
        layer.backward(gy);
        float[] once = layer.parameters().get(0).grad().toArray();
        layer.forward(x, Pass.train(1, 0));
        layer.backward(gy);
        float[] twice = layer.parameters().get(0).grad().toArray();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-5f * (1 + Math.abs(once[i])));
        }
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        ConvLayerSpec spec = new ConvLayerSpec(2, 4, 6, new int[] {3}, new int[] {2, 1}, Padding.of(1),
                new int[] {1, 2}, 2, true);
        float[][] runs = new float[2][];
        for (int t = 1; t <= 2; t++) {
            SplittableRandom rnd = new SplittableRandom(9);
            ConvLayer layer = new ConvLayer(spec);
            randomise(layer, rnd);
            FloatNd x = random(rnd, 11, 4, 9, 8);
            FloatNd y = layer.forward(x, Pass.train(t, 0));
            FloatNd gx = layer.backward(random(rnd, y.shape().dims()));
            float[] gw = layer.parameters().get(0).grad().toArray();
            float[] gb = layer.parameters().get(1).grad().toArray();
            runs[t - 1] = concat(y.toArray(), gx.toArray(), gw, gb);
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int pos = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
