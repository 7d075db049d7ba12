package org.convkit.api.nn;

import static org.convkit.api.nn.LayerChecks.assertBitIdentical;
import static org.convkit.api.nn.LayerChecks.assertClose;
import static org.convkit.api.nn.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class PoolLayerTest {

    private static PoolLayer pool(PoolLayerSpec.Kind kind, int[] kernel, int[] stride) {
        return new PoolLayer(new PoolLayerSpec(kind, kernel.length, kernel, stride));
    }

    @Test
    void seedExampleMaxPoolsTheFourByFourInputToSixEightThreeFour() {
        FloatNd x = FloatNd.of(Shape.of(1, 1, 4, 4), 1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4);
        FloatNd y = new PoolLayer(PoolLayerSpec.max(2, 2)).forward(x, Pass.eval(1));
        assertEquals(Shape.of(1, 1, 2, 2), y.shape());
        assertArrayEquals(new float[] {6, 8, 3, 4}, y.toArray());
    }

    /** The cases of the oracle tests: kernel and stride per axis, input spatial size. */
    private static List<int[][]> cases() {
        List<int[][]> c = new ArrayList<>();
        c.add(new int[][] {{2}, {2}, {7}});
        c.add(new int[][] {{3}, {1}, {5}});
        c.add(new int[][] {{1}, {3}, {4}});
        c.add(new int[][] {{2, 2}, {2, 2}, {4, 5}});
        c.add(new int[][] {{3, 2}, {2, 1}, {7, 4}});
        c.add(new int[][] {{2, 3}, {3, 2}, {2, 9}});
        c.add(new int[][] {{2, 2, 2}, {2, 2, 2}, {4, 5, 3}});
        c.add(new int[][] {{3, 1, 2}, {1, 2, 1}, {3, 4, 5}});
        return c;
    }

    @Test
    void maxPoolMatchesTheDoubleOracleForwardAndBackwardAtEveryRank() {
        checkAgainstOracle(PoolLayerSpec.Kind.MAX);
    }

    @Test
    void avgPoolMatchesTheDoubleOracleForwardAndBackwardAtEveryRank() {
        checkAgainstOracle(PoolLayerSpec.Kind.AVG);
    }

    private static void checkAgainstOracle(PoolLayerSpec.Kind kind) {
        long seed = 1;
        for (int[][] c : cases()) {
            int[] dims = new int[c[2].length + 2];
            dims[0] = 2;
            dims[1] = 3;
            System.arraycopy(c[2], 0, dims, 2, c[2].length);
            FloatNd x = LayerChecks.offsetCopy(random(Shape.of(dims), seed++));
            PoolLayer layer = pool(kind, c[0], c[1]);
            FloatNd y = layer.forward(x, Pass.train(1, 0));
            Oracle o = new Oracle(kind == PoolLayerSpec.Kind.MAX, x, c[0], c[1]);
            assertEquals(o.outShape, y.shape(), Arrays.deepToString(c));
            assertClose(o.y, y, 1e-6, kind + " forward " + Arrays.deepToString(c));
            FloatNd gy = random(y.shape(), seed++);
            assertClose(o.backward(gy), layer.backward(LayerChecks.offsetCopy(gy)), 1e-6,
                    kind + " backward " + Arrays.deepToString(c));
        }
    }

    @Test
    void maxPoolTiesSendTheGradientToTheFirstMaximumInScanOrderAsTorchDoes() {
        // torch.nn.functional.max_pool2d on this input gives indices [[1, 2], [8, 10]]
        FloatNd x = FloatNd.of(Shape.of(1, 1, 4, 4), 1, 3, 3, 0, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        PoolLayer layer = new PoolLayer(PoolLayerSpec.max(2, 2));
        layer.forward(x, Pass.train(1, 0));
        FloatNd gx = layer.backward(FloatNd.of(Shape.of(1, 1, 2, 2), 1, 1, 1, 1));
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0}, gx.toArray());
    }

    @Test
    void overlappingMaxWindowsAddTheirGradientsAtASharedWinner() {
        FloatNd x = FloatNd.of(Shape.of(1, 1, 4), 5, 5, 5, 1);
        PoolLayer layer = pool(PoolLayerSpec.Kind.MAX, new int[] {2}, new int[] {1});
        layer.forward(x, Pass.train(1, 0));
        FloatNd gx = layer.backward(FloatNd.of(Shape.of(1, 1, 3), 1, 2, 4));
        assertArrayEquals(new float[] {1, 2, 4, 0}, gx.toArray());
    }

    @Test
    void maxPoolPropagatesNaN() {
        FloatNd x = FloatNd.of(Shape.of(1, 1, 2), 1, Float.NaN);
        FloatNd y = pool(PoolLayerSpec.Kind.MAX, new int[] {2}, new int[] {2}).forward(x, Pass.eval(1));
        assertTrue(Float.isNaN(y.toArray()[0]));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FloatNd x = random(Shape.of(2, 2, 5, 4), 7);
        LayerChecks.assertGradientsMatchFiniteDifferences(pool(PoolLayerSpec.Kind.AVG, new int[] {2, 3}, new int[] {1, 1}),
                x, 8, 1e-2, 1e-3);
        // distinct, well separated values so that no small step changes a window's winner
        float[] v = new float[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 37) % 60) * 0.1f;
        }
        LayerChecks.assertGradientsMatchFiniteDifferences(pool(PoolLayerSpec.Kind.MAX, new int[] {2, 2}, new int[] {1, 2}),
                FloatNd.of(Shape.of(1, 3, 4, 5), v), 9, 1e-2, 1e-3);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        for (PoolLayerSpec.Kind kind : PoolLayerSpec.Kind.values()) {
            FloatNd x = random(Shape.of(3, 5, 9, 8), 11);
            FloatNd gy = random(Shape.of(3, 5, 4, 3), 12);
            PoolLayer one = pool(kind, new int[] {3, 3}, new int[] {2, 2});
            PoolLayer two = pool(kind, new int[] {3, 3}, new int[] {2, 2});
            assertBitIdentical(one.forward(x, Pass.train(1, 0)), two.forward(x, Pass.train(2, 0)), kind + " forward");
            assertBitIdentical(one.backward(gy), two.backward(gy), kind + " backward");
        }
    }

    @Test
    void kernelLargerThanTheInputIsRejectedWithTheShapes() {
        PoolLayer layer = pool(PoolLayerSpec.Kind.MAX, new int[] {3, 3}, new int[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.outputShape(Shape.of(1, 2, 2, 5)));
        assertTrue(e.getMessage().contains("[3, 3]") && e.getMessage().contains("[1, 2, 2, 5]"), e.getMessage());
    }

    @Test
    void paddedMaxPoolNeverPicksThePadding() {
        // torch.nn.functional.max_pool1d(tensor([[[-3., -1., -2.]]]), 3, 2, 1) is [[[-1., -1.]]]
        FloatNd x = FloatNd.of(Shape.of(1, 1, 3), -3, -1, -2);
        PoolLayer layer = new PoolLayer(new PoolLayerSpec(PoolLayerSpec.Kind.MAX, 1, new int[] {3}, new int[] {2},
                new int[] {1}));
        assertArrayEquals(new float[] {-1, -1}, layer.forward(x, Pass.eval(1)).toArray());
        assertArrayEquals(new float[] {-1, -1}, layer.forward(x, Pass.train(1, 0)).toArray());
        assertArrayEquals(new float[] {0, 3, 0}, layer.backward(FloatNd.of(Shape.of(1, 1, 2), 1, 2)).toArray());
    }

    @Test
    void paddedAvgPoolDividesByTheWholeKernelAsCountIncludePad() {
        // windows [pad, 3, 6] and [6, 9, pad] over 3: (0 + 3 + 6) / 3 and (6 + 9 + 0) / 3
        FloatNd x = FloatNd.of(Shape.of(1, 1, 3), 3, 6, 9);
        PoolLayer layer = new PoolLayer(new PoolLayerSpec(PoolLayerSpec.Kind.AVG, 1, new int[] {3}, new int[] {2},
                new int[] {1}));
        assertArrayEquals(new float[] {3, 5}, layer.forward(x, Pass.train(1, 0)).toArray());
        assertArrayEquals(new float[] {1, 3, 2}, layer.backward(FloatNd.of(Shape.of(1, 1, 2), 3, 6)).toArray());
    }

    @Test
    void paddingMoreThanHalfTheKernelIsRejectedNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PoolLayerSpec(
                PoolLayerSpec.Kind.MAX, 2, new int[] {3, 4}, new int[] {2}, new int[] {1, 3}));
        assertTrue(e.getMessage().contains("padding [1, 3]") && e.getMessage().contains("kernel [3, 4]"),
                e.getMessage());
    }

    @Test
    void paddedPoolingGivesBitIdenticalResultsOnOneAndTwoThreads() {
        for (PoolLayerSpec.Kind kind : PoolLayerSpec.Kind.values()) {
            PoolLayerSpec spec = new PoolLayerSpec(kind, 2, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1});
            FloatNd x = random(Shape.of(3, 5, 9, 8), 13);
            PoolLayer one = new PoolLayer(spec);
            PoolLayer two = new PoolLayer(spec);
            FloatNd y = one.forward(x, Pass.train(1, 0));
            assertBitIdentical(y, two.forward(x, Pass.train(2, 0)), kind + " forward");
            FloatNd gy = random(y.shape(), 14);
            assertBitIdentical(one.backward(gy), two.backward(gy), kind + " backward");
        }
    }

    @Test
    void inputOfTheWrongRankIsRejectedWithItsShape() {
        PoolLayer layer = new PoolLayer(PoolLayerSpec.avg(2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(FloatNd.zeros(Shape.of(4, 8)), Pass.eval(1)));
        assertTrue(e.getMessage().contains("[4, 8]"), e.getMessage());
    }

    /** Straightforward N-d pooling in double, by multi-index arithmetic on the whole input. */
    private static final class Oracle {
        final boolean max;
        final FloatNd x;
        final int[] k;
        final int[] s;
        final Shape outShape;
        final double[] y;
        final int[] winner;

        Oracle(boolean max, FloatNd x, int[] k, int[] s) {
            this.max = max;
            this.x = x;
            this.k = k;
            this.s = s;
            int[] dims = x.shape().dims();
            for (int a = 0; a < k.length; a++) {
                dims[2 + a] = (dims[2 + a] - k[a]) / s[a] + 1;
            }
            outShape = Shape.of(dims);
            y = new double[outShape.size()];
            winner = new int[outShape.size()];
            for (int o = 0; o < y.length; o++) {
                List<Integer> window = window(o);
                double best = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (int i : window) {
                    double v = x.getDouble(i);
                    sum += v;
                    if (v > best) {
                        best = v;
                        winner[o] = i;
                    }
                }
                y[o] = max ? best : sum / window.size();
            }
        }

        /** Flat input indices of output {@code o}'s window, in row-major order. */
        List<Integer> window(int o) {
            int[] oi = unravel(o, outShape);
            List<Integer> out = new ArrayList<>();
            int[] ki = new int[k.length];
            int volume = Arrays.stream(k).reduce(1, (a, b) -> a * b);
            for (int w = 0; w < volume; w++) {
                int rest = w;
                for (int a = k.length - 1; a >= 0; a--) {
                    ki[a] = rest % k[a];
                    rest /= k[a];
                }
                int[] xi = oi.clone();
                for (int a = 0; a < k.length; a++) {
                    xi[2 + a] = oi[2 + a] * s[a] + ki[a];
                }
                out.add(x.shape().index(xi));
            }
            return out;
        }

        double[] backward(FloatNd gy) {
            double[] gx = new double[x.shape().size()];
            for (int o = 0; o < y.length; o++) {
                if (max) {
                    gx[winner[o]] += gy.getDouble(o);
                } else {
                    List<Integer> window = window(o);
                    for (int i : window) {
                        gx[i] += gy.getDouble(o) / window.size();
                    }
                }
            }
            return gx;
        }

        private static int[] unravel(int flat, Shape shape) {
            int[] idx = new int[shape.rank()];
            for (int a = shape.rank() - 1; a >= 0; a--) {
                idx[a] = flat % shape.dim(a);
                flat /= shape.dim(a);
            }
            return idx;
        }
    }
}
