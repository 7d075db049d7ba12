package org.convkit.api.ndimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class SeparableTest {
    private static final ConvContext REF = ConvContext.of(ConvMethod.REFERENCE);

    private static void assertClose(NdArray want, NdArray got, double tol) {
        assertEquals(want.shape(), got.shape());
        for (int i = 0; i < want.shape().size(); i++) {
            assertEquals(want.getDouble(i), got.getDouble(i), tol, "element " + i);
        }
    }

    @Test
    void factorsOfSobelRebuildIt() {
        DoubleNd k = Kernels.named("sobel-x");
        Separable s = Separable.factor(k).orElseThrow();
        assertClose(k, s.toKernel(), 1e-12);
    }

    @Test
    void factorsOfARandomRankOne3dKernelRebuildIt() {
        SplittableRandom rnd = new SplittableRandom(11);
        DoubleNd k = Separable.of(rnd.doubles(3, -1, 1).toArray(), rnd.doubles(4, -1, 1).toArray(),
                rnd.doubles(2, -1, 1).toArray()).toKernel();
        Separable s = Separable.factor(k).orElseThrow();
        assertEquals(3, s.rank());
        assertClose(k, s.toKernel(), 1e-12);
    }

    @Test
    void laplacianAndRandomKernelsAreNotSeparable() {
        assertTrue(Separable.factor(Kernels.named("laplacian")).isEmpty());
        DoubleNd r = DoubleNd.of(Shape.of(3, 5), new SplittableRandom(12).doubles(15).toArray());
        assertTrue(Separable.factor(r).isEmpty());
        assertTrue(Separable.factor(DoubleNd.zeros(Shape.of(3, 3))).isEmpty());
    }

    @Test
    void perAxisPassesEqualTheFullCorrelationForEveryBoundary() {
        SplittableRandom rnd = new SplittableRandom(13);
        DoubleNd x = DoubleNd.of(Shape.of(9, 7, 5), rnd.doubles(315, -1, 1).toArray());
        Separable s = Separable.of(rnd.doubles(3, -1, 1).toArray(), rnd.doubles(4, -1, 1).toArray(),
                rnd.doubles(5, -1, 1).toArray());
        for (Boundary mode : Boundary.values()) {
            NdArray full = NdImage.correlate(x, s.toKernel(), mode, 0, REF);
            assertClose(full, NdImage.correlate(x, s, mode, 0, REF), 1e-12);
            // the automatic path detects the rank-1 kernel and runs it as passes
            assertClose(full, NdImage.correlate(x, s.toKernel(), mode, 0), 1e-12);
        }
    }

    @Test
    void perAxisSignalConvolutionsEqualTheFullZeroPaddedConvolution() {
        SplittableRandom rnd = new SplittableRandom(14);
        DoubleNd x = DoubleNd.of(Shape.of(10, 8), rnd.doubles(80, -1, 1).toArray());
        double[] a = rnd.doubles(3, -1, 1).toArray();
        double[] b = rnd.doubles(4, -1, 1).toArray();
        NdArray colK = DoubleNd.of(Shape.of(3, 1), a);
        NdArray rowK = DoubleNd.of(Shape.of(1, 4), b);
        for (ConvMode mode : new ConvMode[] {ConvMode.FULL, ConvMode.VALID}) {
            ConvSpec spec = ConvSpec.convolve(mode);
            NdArray full = Convolution.apply(x, Separable.of(a, b).toKernel(), spec, ConvContext.defaults());
            NdArray passes = Convolution.apply(Convolution.apply(x, colK, spec, ConvContext.defaults()), rowK, spec,
                    ConvContext.defaults());
            assertClose(full, passes, 1e-12);
        }
    }
}
