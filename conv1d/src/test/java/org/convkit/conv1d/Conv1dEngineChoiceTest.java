package org.convkit.conv1d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class Conv1dEngineChoiceTest {

    private static ConvEngine auto(int n, int taps) {
        ConvGeometry g = ConvGeometry.of(Shape.of(n), Shape.of(taps), ConvSpec.convolve(ConvMode.SAME));
        return Convolution.choose(g, DType.FLOAT64, ConvMethod.AUTO);
    }

    @Test
    void serviceLoaderFindsTheThreeEngines() {
        List<String> names = Convolution.engines().stream().map(ConvEngine::name).toList();
        assertTrue(names.containsAll(List.of("conv1d-direct", "conv1d-fft", "conv1d-overlap-add")), names.toString());
    }

    @Test
    void autoPicksDirectForTinyProblems() {
        assertInstanceOf(Conv1dDirect.class, auto(50, 5));
        assertInstanceOf(Conv1dDirect.class, auto(1, 1));
        assertInstanceOf(Conv1dDirect.class, auto(1000, 30));
    }

    @Test
    void autoPicksDirectForAHundredTapKernelOnALongSignal() {
        assertInstanceOf(Conv1dDirect.class, auto(1_000_000, 101));
    }

    @Test
    void autoPicksAnFftMethodForLargeKernels() {
        ConvMethod m = auto(1_000_000, 10_001).method();
        assertTrue(m == ConvMethod.FFT || m == ConvMethod.OVERLAP_ADD, m.toString());
        assertTrue(auto(20_000, 5_000).method() != ConvMethod.DIRECT);
    }

    @Test
    void autoPicksBlocksForALongSignalWithAShortKernelAndOneTransformForEqualLengths() {
        assertEquals(ConvMethod.OVERLAP_ADD, auto(4_000_000, 2_001).method());
        assertEquals(ConvMethod.FFT, auto(100_000, 100_000).method());
    }

    @Test
    void everyMethodThroughConvolutionApplyGivesTheReferenceResult() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] shapes = {{3000, 45}, {2500, 300}, {40, 90}, {1, 1}, {7, 8}};
        for (int[] s : shapes) {
            DoubleNd x = random(rnd, s[0]);
            DoubleNd k = random(rnd, s[1]);
            for (ConvMode mode : ConvMode.values()) {
                for (boolean corr : new boolean[] {false, true}) {
                    ConvSpec spec = corr ? ConvSpec.correlate(mode) : ConvSpec.convolve(mode);
                    double[] want = Convolution.apply(x, k, spec, ConvContext.of(ConvMethod.REFERENCE)).toDouble().toArray();
                    for (ConvMethod m : new ConvMethod[] {ConvMethod.AUTO, ConvMethod.DIRECT, ConvMethod.FFT, ConvMethod.OVERLAP_ADD}) {
                        NdArray got = Convolution.apply(x, k, spec, new ConvContext(m, 2));
                        assertArrayEquals(want, got.toDouble().toArray(), 1e-10 * s[1],
                                m + " " + spec + " on " + s[0] + " x " + s[1]);
                    }
                }
            }
        }
    }

    @Test
    void overlapAddOverManyBlocksMatchesDirect() {
        SplittableRandom rnd = new SplittableRandom(6);
        DoubleNd x = random(rnd, 50_000);
        DoubleNd k = random(rnd, 33);
        ConvSpec spec = ConvSpec.convolve(ConvMode.FULL);
        double[] want = Convolution.apply(x, k, spec, ConvContext.of(ConvMethod.DIRECT)).toDouble().toArray();
        double[] got = Convolution.apply(x, k, spec, ConvContext.of(ConvMethod.OVERLAP_ADD)).toDouble().toArray();
        assertTrue(Conv1dOverlapAdd.blockSize(ConvGeometry.of(x.shape(), k.shape(), spec)) < 50_000);
        assertArrayEquals(want, got, 1e-12 * 33);
    }

    @Test
    void directAndBlockResultsAreIdenticalForAnyThreadCount() {
        SplittableRandom rnd = new SplittableRandom(8);
        DoubleNd x = random(rnd, 200_000);
        DoubleNd k = random(rnd, 65);
        ConvSpec spec = ConvSpec.correlate(ConvMode.SAME);
        for (ConvMethod m : new ConvMethod[] {ConvMethod.DIRECT, ConvMethod.OVERLAP_ADD}) {
            double[] one = Convolution.apply(x, k, spec, new ConvContext(m, 1)).toDouble().toArray();
            double[] three = Convolution.apply(x, k, spec, new ConvContext(m, 3)).toDouble().toArray();
            assertArrayEquals(one, three, 0.0, m.toString());
        }
    }

    @Test
    void floatInputsGiveFloatOutputs() {
        NdArray x = random(new SplittableRandom(9), 500).toFloat();
        NdArray k = random(new SplittableRandom(10), 9).toFloat();
        for (ConvMethod m : new ConvMethod[] {ConvMethod.DIRECT, ConvMethod.FFT, ConvMethod.OVERLAP_ADD}) {
            NdArray y = Convolution.apply(x, k, ConvSpec.convolve(ConvMode.SAME), ConvContext.of(m));
            assertEquals(DType.FLOAT32, y.dtype(), m.toString());
            assertEquals(Shape.of(500), y.shape());
        }
    }

    private static DoubleNd random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return DoubleNd.vector(v);
    }
}
