package org.convkit.api.ndimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class NdImageTest {
    private static final ConvContext REF = ConvContext.of(ConvMethod.REFERENCE);

    private static DoubleNd random(Shape s, long seed) {
        return DoubleNd.of(s, new SplittableRandom(seed).doubles(s.size(), -1, 1).toArray());
    }

    private static DoubleNd impulse(int n, int at) {
        DoubleNd x = DoubleNd.zeros(Shape.of(n));
        x.setDouble(at, 1);
        return x;
    }

    private static void assertClose(NdArray want, NdArray got, double tol) {
        assertEquals(want.shape(), got.shape());
        for (int i = 0; i < want.shape().size(); i++) {
            assertEquals(want.getDouble(i), got.getDouble(i), tol, "element " + i);
        }
    }

    @Test
    void convolvingAnImpulseWithAnEvenKernelStartsTheKernelOneBeforeTheImpulse() {
        // scipy.ndimage.convolve([0,0,0,1,0,0,0], [1,2,3,4], mode='constant') = [0,1,2,3,4,0,0]
        NdArray y = NdImage.convolve(impulse(7, 3), DoubleNd.vector(1, 2, 3, 4), Boundary.CONSTANT, 0);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 0, 0}, y.toDouble().toArray());
    }

    @Test
    void correlatingAnImpulseWithAnEvenKernelEndsTheReversedKernelOneAfterTheImpulse() {
        // scipy.ndimage.correlate([0,0,0,1,0,0,0], [1,2,3,4], mode='constant') = [0,0,4,3,2,1,0]
        NdArray y = NdImage.correlate(impulse(7, 3), DoubleNd.vector(1, 2, 3, 4), Boundary.CONSTANT, 0);
        assertArrayEquals(new double[] {0, 0, 4, 3, 2, 1, 0}, y.toDouble().toArray());
    }

    @Test
    void sobelEqualsCorrelationWithTheNamedKernel() {
        DoubleNd x = random(Shape.of(9, 13), 1);
        assertClose(NdImage.correlate(x, Kernels.named("sobel-x"), Boundary.REFLECT, 0, REF),
                NdImage.sobel(x, 1, Boundary.REFLECT, 0), 1e-12);
        assertClose(NdImage.correlate(x, Kernels.named("sobel-y"), Boundary.NEAREST, 0, REF),
                NdImage.sobel(x, 0, Boundary.NEAREST, 0), 1e-12);
    }

    @Test
    void laplaceEqualsCorrelationWithTheNamedKernel() {
        DoubleNd x = random(Shape.of(8, 11), 2);
        assertClose(NdImage.correlate(x, Kernels.named("laplacian"), Boundary.WRAP, 0, REF),
                NdImage.laplace(x, Boundary.WRAP, 0), 1e-12);
    }

    @Test
    void uniformIsTheBoxMean() {
        DoubleNd x = random(Shape.of(6, 7, 5), 3);
        DoubleNd box = DoubleNd.zeros(Shape.of(3, 2, 1));
        for (int i = 0; i < 6; i++) {
            box.setDouble(i, 1.0 / 6);
        }
        assertClose(NdImage.correlate(x, box, Boundary.MIRROR, 0, REF),
                NdImage.uniform(x, new int[] {3, 2, 1}, Boundary.MIRROR, 0), 1e-12);
    }

    @Test
    void gaussianWithSigmaZeroOnAnAxisLeavesThatAxisAlone() {
        DoubleNd x = random(Shape.of(5, 12), 4);
        NdArray y = NdImage.gaussian(x, new double[] {0, 1.5}, Boundary.REFLECT, 0, 4.0);
        double[] w = Kernels.gaussian1d(1.5, 6);
        assertClose(NdImage.correlate1d(x, w, 1, Boundary.REFLECT, 0, REF), y, 1e-12);
    }

    @Test
    void gaussianOfAConstantImageIsThatConstant() {
        DoubleNd x = DoubleNd.zeros(Shape.of(7, 9, 4));
        java.util.Arrays.fill(x.data(), 2.5);
        NdArray y = NdImage.gaussian(x, new double[] {1.2}, Boundary.REFLECT, 0, 4.0);
        for (int i = 0; i < y.shape().size(); i++) {
            assertEquals(2.5, y.getDouble(i), 1e-12);
        }
    }

    @Test
    void float32InputGivesFloat32OutputCloseToTheFloat64Result() {
        DoubleNd x = random(Shape.of(33, 40), 5);
        FloatNd xf = x.toFloat();
        NdArray y = NdImage.gaussian(xf, new double[] {2.0}, Boundary.MIRROR, 0, 4.0);
        assertEquals(DType.FLOAT32, y.dtype());
        assertClose(NdImage.gaussian(xf.toDouble(), new double[] {2.0}, Boundary.MIRROR, 0, 4.0), y, 1e-5);
    }

    @Test
    void nonZeroConstantUsesTheNdSumNotPerAxisPasses() {
        // A separable kernel with cval != 0: the N-d sum sees cval in corners, per-axis passes would not.
        DoubleNd x = random(Shape.of(6, 6), 6);
        DoubleNd w = Separable.of(new double[] {1, 2, 1}, new double[] {0.5, 1, 3}).toKernel();
        assertClose(NdImage.correlate(x, w, Boundary.CONSTANT, 1.5, REF), NdImage.correlate(x, w, Boundary.CONSTANT, 1.5), 1e-12);
    }

    @Test
    void rejectsMismatchedRanksAndBadParameters() {
        DoubleNd x = random(Shape.of(4, 4), 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NdImage.correlate(x, DoubleNd.vector(1, 2), Boundary.REFLECT, 0));
        assertTrue(e.getMessage().contains("4x4") && e.getMessage().contains("rank"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NdImage.sobel(x, 2, Boundary.REFLECT, 0));
        assertThrows(IllegalArgumentException.class, () -> NdImage.gaussian(x, new double[] {1, 2, 3}, Boundary.REFLECT, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> NdImage.gaussian(x, new double[] {-1}, Boundary.REFLECT, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> NdImage.uniform(x, new int[] {0}, Boundary.REFLECT, 0));
    }
}
