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

class ConvTransposeLayerTest {

    private static void check(ConvTransposeLayerSpec spec, int[] xShape, long seed, int threads) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ConvTransposeLayer layer = new ConvTransposeLayer(spec);
        randomise(layer, rnd);
        FloatNd x = random(rnd, xShape);
        Shape ys = layer.outputShape(x.shape());
        FloatNd gy = random(rnd, ys.dims());
        float[] b = spec.bias() ? param(layer, "bias") : null;
        ConvReference.Result want = ConvReference.convTranspose(xShape, x.toArray(),
                layer.parameters().get(0).shape().dims(), param(layer, "weight"), b, spec.stride(), spec.padding(),
                spec.outputPadding(), spec.dilation(), spec.groups(), gy.toArray());
        assertMatches(layer, x, gy, want, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void matchesReferenceOnRandomShapes(int rank) {
        SplittableRandom rnd = new SplittableRandom(200 + rank);
        for (int trial = 0; trial < 25; trial++) {
            int groups = rnd.nextInt(1, 4);
            int[] k = new int[rank];
            int[] s = new int[rank];
            int[] d = new int[rank];
            int[] p = new int[rank];
            int[] op = new int[rank];
            int[] x = new int[rank + 2];
            x[0] = rnd.nextInt(1, 4);
            x[1] = groups * rnd.nextInt(1, 3);
            for (int a = 0; a < rank; a++) {
                k[a] = rnd.nextInt(1, rank == 3 ? 4 : 5);
                s[a] = rnd.nextInt(1, 4);
                d[a] = rnd.nextInt(1, 3);
                op[a] = rnd.nextInt(0, Math.max(s[a], d[a]));
                x[a + 2] = rnd.nextInt(1, rank == 3 ? 5 : 8);
                int full = (x[a + 2] - 1) * s[a] + d[a] * (k[a] - 1) + op[a] + 1;
                p[a] = rnd.nextInt(0, Math.min(3, (full - 1) / 2 + 1));
            }
            ConvTransposeLayerSpec spec = new ConvTransposeLayerSpec(rank, x[1], groups * rnd.nextInt(1, 3), k, s, p,
                    op, d, groups, rnd.nextBoolean());
            check(spec, x, 2000L * rank + trial, 1 + trial % 2);
        }
    }

    @Test
    void upsamplingDoublesEverySpatialSize() {
        ConvTransposeLayerSpec spec = ConvTransposeLayerSpec.upsample(3, 4, 2, 2);
        assertEquals(Shape.of(2, 2, 6, 8, 4), new ConvTransposeLayer(spec).outputShape(Shape.of(2, 4, 3, 4, 2)));
        check(spec, new int[] {2, 4, 3, 4, 2}, 1, 2);
    }

    @Test
    void outputPaddingAddsToTheOutputSize() {
        ConvTransposeLayerSpec spec = new ConvTransposeLayerSpec(2, 2, 4, new int[] {3}, new int[] {2, 3},
                new int[] {1, 0}, new int[] {1, 2}, new int[] {1}, 2, true);
        assertEquals(Shape.of(1, 4, 10, 17), new ConvTransposeLayer(spec).outputShape(Shape.of(1, 2, 5, 5)));
        check(spec, new int[] {1, 2, 5, 5}, 2, 1);
    }

    @Test
    void inputLargerThanOneColumnBlockMatchesReference() {
        ConvTransposeLayerSpec spec = ConvTransposeLayerSpec.upsample(2, 4, 16, 2);
        assertTrue(16 * 4 * 100 * 100 > ConvWork.COLUMN_BLOCK, "the case must need several column blocks");
        check(spec, new int[] {2, 4, 100, 100}, 5, 2);
    }

    @Test
    void oneByOneKernelMatchesReference() {
        check(new ConvTransposeLayerSpec(1, 4, 6, new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0},
                new int[] {1}, 2, true), new int[] {3, 4, 7}, 3, 2);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        ConvTransposeLayerSpec spec = new ConvTransposeLayerSpec(2, 4, 2, new int[] {3}, new int[] {2},
                new int[] {1}, new int[] {1}, new int[] {1}, 2, true);
        float[][] runs = new float[2][];
        for (int t = 1; t <= 2; t++) {
            SplittableRandom rnd = new SplittableRandom(4);
            ConvTransposeLayer layer = new ConvTransposeLayer(spec);
            randomise(layer, rnd);
            FloatNd x = random(rnd, 11, 4, 5, 6);
            FloatNd y = layer.forward(x, Pass.train(t, 0));
            FloatNd gx = layer.backward(random(rnd, y.shape().dims()));
            runs[t - 1] = ConvLayerTest.concat(y.toArray(), gx.toArray(), layer.parameters().get(0).grad().toArray(),
                    layer.parameters().get(1).grad().toArray());
        }
        assertArrayEquals(runs[0], runs[1]);
    }
}
