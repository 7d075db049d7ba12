package org.convkit.api.ndimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** NdImage against scipy.ndimage outputs ({@link NdImageGoldenCases}), with the golden tolerances. */
class NdImageGoldenTest {
    private static final DoubleNd X2 = DoubleNd.of(Shape.of(6, 15), NdImageGoldenCases.X2);
    private static final DoubleNd X3 = DoubleNd.of(Shape.of(8, 5, 6), NdImageGoldenCases.X3);
    private static final DoubleNd K3 = DoubleNd.of(Shape.of(3, 3, 3), NdImageGoldenCases.K3);

    private static void assertClose(double[] want, NdArray got, double rtol) {
        assertEquals(want.length, got.shape().size(), "size");
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs(got.getDouble(i) - want[i]);
            if (err > 1e-10 + rtol * Math.abs(want[i])) {
                throw new AssertionError("element " + i + ": got " + got.getDouble(i) + ", scipy " + want[i]);
            }
        }
    }

    @Test
    void sobelAlongRowsWithMirrorMatchesScipy() {
        assertClose(NdImageGoldenCases.SOBEL_AXIS0_MIRROR, NdImage.sobel(X2, 0, Boundary.MIRROR, 0), 1e-10);
    }

    @Test
    void sobelAlongColumnsWithWrapMatchesScipy() {
        assertClose(NdImageGoldenCases.SOBEL_AXIS1_WRAP, NdImage.sobel(X2, 1, Boundary.WRAP, 0), 1e-10);
    }

    @Test
    void laplaceWithReflectMatchesScipy() {
        assertClose(NdImageGoldenCases.LAPLACE_REFLECT, NdImage.laplace(X2, Boundary.REFLECT, 0), 1e-10);
    }

    @Test
    void gaussianWiderThanTheInputMatchesScipy() {
        // radius 8 on 6 rows: reflection repeats beyond the input, as in scipy
        NdArray got = NdImage.gaussian(X2, new double[] {NdImageGoldenCases.SIGMA_2D}, Boundary.REFLECT, 0, 4.0);
        assertClose(NdImageGoldenCases.GAUSSIAN_REFLECT_2D, got, 1e-9);
    }

    @Test
    void convolve3dWithMirrorMatchesScipy() {
        assertClose(NdImageGoldenCases.CONVOLVE_MIRROR_3D, NdImage.convolve(X3, K3, Boundary.MIRROR, 0), 1e-10);
    }

    @Test
    void convolve3dWithZeroConstantMatchesScipy() {
        assertClose(NdImageGoldenCases.CONVOLVE_CONSTANT_3D, NdImage.convolve(X3, K3, Boundary.CONSTANT, 0), 1e-10);
    }

    @Test
    void uniform3dMatchesScipy() {
        assertClose(NdImageGoldenCases.UNIFORM3_REFLECT_3D, NdImage.uniform(X3, new int[] {3}, Boundary.REFLECT, 0), 1e-10);
    }

    @Test
    void referenceMethodMatchesScipyToo() {
        ConvContext ref = ConvContext.of(ConvMethod.REFERENCE);
        assertClose(NdImageGoldenCases.SOBEL_AXIS1_WRAP, NdImage.sobel(X2, 1, Boundary.WRAP, 0, ref), 1e-10);
        assertClose(NdImageGoldenCases.CONVOLVE_MIRROR_3D, NdImage.convolve(X3, K3, Boundary.MIRROR, 0, ref), 1e-10);
    }
}
