package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.convkit.api.linalg.Sgemm;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class ShiftedColumnsTest {

    private static int[] ints(SplittableRandom rnd, int r, int lo, int hi) {
        int[] v = new int[r];
        for (int a = 0; a < r; a++) {
            v[a] = rnd.nextInt(lo, hi + 1);
        }
        return v;
    }

    /** A random stride-1 geometry of rank 1 to 3: explicit, valid or same padding (even kernels too), dilation 1 or 2. */
    private static ConvLayerGeometry geometry(SplittableRandom rnd) {
        int rank = rnd.nextInt(1, 4);
        int[] k = ints(rnd, rank, 1, 4);
        int[] d = ints(rnd, rank, 1, 2);
        int[] pad = ints(rnd, rank, 0, 2);
        int kind = rnd.nextInt(3);
        Padding padding = kind == 0 ? Padding.of(pad) : kind == 1 ? Padding.valid() : Padding.same();
        int[] in = new int[rank];
        for (int a = 0; a < rank; a++) {
            int span = d[a] * (k[a] - 1) + 1;
            int min = Math.max(1, span - (kind == 0 ? 2 * pad[a] : 0));
            in[a] = rnd.nextInt(min, min + (rank == 3 ? 5 : 12));
        }
        int[] ones = new int[rank];
        Arrays.fill(ones, 1);
        return ConvLayerGeometry.forConv(in, k, ones, d, padding);
    }

    /** Every row of the column matrix read in place equals im2col's row at every output position. */
    @Test
    void columnsReadInPlaceAreIm2colsColumns() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int trial = 0; trial < 200; trial++) {
            ConvLayerGeometry g = geometry(rnd);
            int channels = rnd.nextInt(1, 4);
            float[] x = ConvChecks.random(rnd, 2 + channels * g.inSize());
            Im2col col = Im2col.of(g);
            float[] want = new float[channels * g.kernelSize() * g.outSize()];
            col.im2col(x, 2, channels, want, 0);
            ShiftedColumns shifted = new ShiftedColumns(g, channels);
            float[] boxes = new float[1 + shifted.paddedSize(channels)];
            Arrays.fill(boxes, Float.NaN);
            shifted.pad(x, 2, channels, boxes, 1);
            int runs = col.runs();
            int len = g.outSize() / runs;
            int q = rnd.nextInt(runs);
            int qh = rnd.nextInt(q + 1, runs + 1);
            int span = shifted.span(q, qh);
            float[] flat = new float[channels * g.kernelSize() * span];
            org.convkit.api.linalg.PackedA identity = new org.convkit.api.linalg.PackedA(eye(channels * g.kernelSize()),
                    0, channels * g.kernelSize(), channels * g.kernelSize(), channels * g.kernelSize());
            Sgemm.gemm(identity, shifted.columns(boxes, 1, 0, q, span), 0f, flat, 0, span, 1);
            float[] got = new float[channels * g.kernelSize() * g.outSize()];
            shifted.scatter(flat, 0, span, channels * g.kernelSize(), q, qh, null, got, 0, g.outSize());
            String what = g + " channels " + channels + " runs " + q + ".." + qh;
            for (int row = 0; row < channels * g.kernelSize(); row++) {
                int from = row * g.outSize() + q * len;
                int to = row * g.outSize() + qh * len;
                assertArrayEquals(Arrays.copyOfRange(want, from, to), Arrays.copyOfRange(got, from, to), what);
            }
        }
    }

    private static float[] eye(int n) {
        float[] e = new float[n * n];
        for (int i = 0; i < n; i++) {
            e[i * n + i] = 1f;
        }
        return e;
    }

    /**
     * A stride-1 layer with few outputs per group (read in place) gives the bits of im2col followed by
     * one product per group and the bias add, at one and two threads.
     */
    @Test
    void layerOutputHasTheBitsOfTheIm2colProduct() {
        SplittableRandom rnd = new SplittableRandom(32);
        for (int trial = 0; trial < 40; trial++) {
            ConvLayerGeometry g = geometry(rnd);
            int rank = g.in().length;
            int groups = rnd.nextInt(1, 3);
            int cin = groups * rnd.nextInt(1, 3);
            int cout = groups * rnd.nextInt(1, 5);
            boolean bias = rnd.nextBoolean();
            int[] ones = new int[rank];
            Arrays.fill(ones, 1);
            ConvLayerSpec spec = new ConvLayerSpec(rank, cin, cout, g.kernel(), ones, Padding.of(g.padBefore()),
                    g.dilation(), groups, bias);
            int[] dims = new int[rank + 2];
            dims[0] = rnd.nextInt(1, 4);
            dims[1] = cin;
            int[] out = g.out();
            for (int a = 0; a < rank; a++) {
                // symmetric padding of padBefore gives these sizes the same output as g
                dims[a + 2] = out[a] + g.dilation()[a] * (g.kernel()[a] - 1) - 2 * g.padBefore()[a];
            }
            if (Arrays.stream(dims).anyMatch(v -> v < 1)) {
                continue;
            }
            ConvLayer layer = new ConvLayer(spec);
            ConvChecks.randomise(layer, rnd);
            FloatNd x = ConvChecks.random(rnd, dims);
            float[] want = im2colForward(layer, spec, x);
            String what = spec + " on " + Shape.of(dims);
            assertTrue(ShiftedColumns.applies(ConvLayerGeometry.forConv(Arrays.copyOfRange(dims, 2, rank + 2),
                    g.kernel(), ones, g.dilation(), Padding.of(g.padBefore())), cin, cout / groups, 0)
                    || g.identity(), what);
            assertArrayEquals(want, layer.forward(x, Pass.eval(1)).toArray(), what);
            assertArrayEquals(want, layer.forward(x, Pass.eval(2)).toArray(), what + ", 2 threads");
        }
    }

    /** The forward pass as the im2col path computes it: columns, one product per group, then the bias. */
    private static float[] im2colForward(ConvLayer layer, ConvLayerSpec spec, FloatNd x) {
        int rank = spec.rank();
        ConvLayerGeometry g = ConvLayerGeometry.forConv(Arrays.copyOfRange(x.shape().dims(), 2, rank + 2),
                spec.kernel(), spec.stride(), spec.dilation(), spec.padding());
        int n = x.shape().dim(0);
        int groups = spec.groups();
        int perGroup = spec.inChannels() / groups;
        int coutG = spec.outChannels() / groups;
        int rows = perGroup * g.kernelSize();
        int outSize = g.outSize();
        float[] w = ConvChecks.param(layer, "weight");
        float[] y = new float[n * spec.outChannels() * outSize];
        float[] cols = new float[spec.inChannels() * g.kernelSize() * outSize];
        for (int item = 0; item < n; item++) {
            Im2col.of(g).im2col(x.toArray(), item * spec.inChannels() * g.inSize(), spec.inChannels(), cols, 0);
            for (int gi = 0; gi < groups; gi++) {
                Sgemm.gemm(false, false, coutG, outSize, rows, w, gi * coutG * rows, rows, cols, gi * rows * outSize,
                        outSize, 0f, y, (item * spec.outChannels() + gi * coutG) * outSize, outSize, 1);
            }
            if (spec.bias()) {
                float[] b = ConvChecks.param(layer, "bias");
                for (int o = 0; o < spec.outChannels(); o++) {
                    for (int p = 0; p < outSize; p++) {
                        y[(item * spec.outChannels() + o) * outSize + p] += b[o];
                    }
                }
            }
        }
        return y;
    }

    /**
     * A one-axis layer without dilation sums its weight gradient from the input read in place; for
     * one item that gives the bits of {@code gy cols^T} over im2col's columns added into zero.
     */
    @Test
    void oneAxisWeightGradientHasTheBitsOfTheColumnProduct() {
        SplittableRandom rnd = new SplittableRandom(33);
        for (int trial = 0; trial < 30; trial++) {
            int groups = rnd.nextInt(1, 3);
            int cin = groups * rnd.nextInt(1, 4);
            int cout = groups * rnd.nextInt(1, 8);
            int k = rnd.nextInt(1, 30);
            int pad = rnd.nextInt(0, 3);
            int len = rnd.nextInt(Math.max(1, k - 2 * pad), 1300);
            ConvLayerSpec spec = new ConvLayerSpec(1, cin, cout, new int[] {k}, new int[] {1}, Padding.of(pad),
                    new int[] {1}, groups, true);
            ConvLayer layer = new ConvLayer(spec);
            ConvChecks.randomise(layer, rnd);
            FloatNd x = ConvChecks.random(rnd, 1, cin, len);
            FloatNd y = layer.forward(x, Pass.train(1 + trial % 2, 1));
            FloatNd gy = ConvChecks.random(rnd, y.shape().dims());
            layer.backwardParameters(gy);
            ConvLayerGeometry g = ConvLayerGeometry.forConv(new int[] {len}, new int[] {k}, new int[] {1},
                    new int[] {1}, Padding.of(pad));
            int outSize = g.outSize();
            int rows = cin / groups * k;
            int coutG = cout / groups;
            float[] cols = new float[cin * k * outSize];
            Im2col.of(g).im2col(x.toArray(), 0, cin, cols, 0);
            float[] partial = new float[cout * rows];
            for (int gi = 0; gi < groups; gi++) {
                Sgemm.gemm(false, true, coutG, rows, outSize, gy.toArray(), gi * coutG * outSize, outSize, cols,
                        gi * rows * outSize, outSize, 1f, partial, gi * coutG * rows, rows, 1);
            }
            float[] want = new float[partial.length];
            for (int i = 0; i < want.length; i++) {
                want[i] += partial[i];
            }
            assertArrayEquals(want, ConvChecks.grad(layer, "weight"), spec + " on length " + len);
        }
    }

    @Test
    void stridedWideAndPlainLayersKeepTheColumnPath() {
        int[] one = {1, 1};
        ConvLayerGeometry lenet = ConvLayerGeometry.forConv(new int[] {28, 28}, new int[] {5, 5}, one, one,
                Padding.of(2));
        assertTrue(ShiftedColumns.applies(lenet, 1, 6, 0));
        assertTrue(ShiftedColumns.applies(lenet, 1, ShiftedColumns.MAX_OUTPUTS, 0));
        assertFalse(ShiftedColumns.applies(lenet, 1, ShiftedColumns.MAX_OUTPUTS + 1, 0));
        assertFalse(ShiftedColumns.applies(ConvLayerGeometry.forConv(new int[] {28, 28}, new int[] {5, 5},
                new int[] {1, 2}, one, Padding.of(2)), 1, 6, 0));
        assertFalse(ShiftedColumns.applies(ConvLayerGeometry.forConv(new int[] {28, 28}, one, one, one,
                Padding.valid()), 1, 6, 0));
        // a 300 x 512 x 512 scan: 79 M floats of box, far over the column path's bounded blocks
        int[] three = {1, 1, 1};
        ConvLayerGeometry scan = ConvLayerGeometry.forConv(new int[] {300, 512, 512}, new int[] {3, 3, 3}, three,
                three, Padding.of(1));
        assertFalse(ShiftedColumns.applies(scan, 1, 8, 1 << 19));
        assertTrue(ShiftedColumns.applies(scan, 1, 8, Integer.MAX_VALUE));
        // a long one-axis signal: the column path would need K times the boxes, so it reads in place
        ConvLayerGeometry signal = ConvLayerGeometry.forConv(new int[] {1_000_000}, new int[] {25}, new int[] {1},
                new int[] {1}, Padding.valid());
        assertTrue(ShiftedColumns.applies(signal, 22, 40, 22 * 25 * 999_976));
        ShiftedColumns cols = new ShiftedColumns(lenet, 1);
        // the 32 x 32 box: runs are 32 floats apart, 28 of them outputs
        assertEquals(27 * 32 + 28, cols.span(0, 28));
        assertEquals(1024 + 16, cols.paddedSize(1));
    }
}
