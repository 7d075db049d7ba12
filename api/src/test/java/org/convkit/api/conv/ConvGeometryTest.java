package org.convkit.api.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class ConvGeometryTest {

    private static ConvGeometry same(int n, int k, boolean correlate, SameAlignment a) {
        return ConvGeometry.of(Shape.of(n), Shape.of(k), new ConvSpec(ConvMode.SAME, correlate, null, null, a));
    }

    @Test
    void errorNamesTheKernelAndThePaddedInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvGeometry.of(Shape.of(6, 6), Shape.of(7, 3), ConvSpec.correlate(ConvMode.VALID)));
        assertEquals("kernel 7x3 is larger than the padded input 6x6", e.getMessage());
    }

    @Test
    void sameModeKeepsInputShapeForEvenKernels() {
        for (SameAlignment a : SameAlignment.values()) {
            assertEquals(Shape.of(10), same(10, 4, true, a).output());
            assertEquals(Shape.of(10), same(10, 4, false, a).output());
        }
    }

    @Test
    void evenKernelAlignmentsPutTheExtraPaddingWhereTheirLibrariesDo() {
        assertEquals(2, same(10, 4, true, SameAlignment.NUMPY).padLeft(0));
        assertEquals(2, same(10, 4, false, SameAlignment.NUMPY).padLeft(0));
        assertEquals(1, same(10, 4, true, SameAlignment.TORCH).padLeft(0));
        assertEquals(2, same(10, 4, true, SameAlignment.TORCH).padRight(0));
        assertEquals(2, same(10, 4, true, SameAlignment.NDIMAGE).padLeft(0));
        assertEquals(1, same(10, 4, false, SameAlignment.NDIMAGE).padLeft(0));
    }

    @Test
    void stridedSameFollowsTensorFlow() {
        // n=7, k=3, s=2: ceil(7/2)=4 outputs, total padding (4-1)*2+3-7 = 2, left 1
        ConvGeometry g = ConvGeometry.of(Shape.of(7), Shape.of(3),
                ConvSpec.correlate(ConvMode.SAME).withStride(2).withAlignment(SameAlignment.TORCH));
        assertEquals(Shape.of(4), g.output());
        assertEquals(1, g.padLeft(0));
        assertEquals(1, g.padRight(0));
    }

    @Test
    void dilationWidensTheKernel() {
        ConvGeometry g = ConvGeometry.of(Shape.of(10), Shape.of(3), ConvSpec.correlate(ConvMode.VALID).withDilation(2));
        assertEquals(5, g.effectiveKernel(0));
        assertEquals(Shape.of(6), g.output());
    }

    @Test
    void specRejectsZeroStride() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvSpec.convolve(ConvMode.SAME).withStride(0));
        assertTrue(e.getMessage().contains("stride must be >= 1"), e.getMessage());
    }

    @Test
    void validModeSwapsWhenTheKernelIsLargerEverywhere() {
        DoubleNd x = DoubleNd.vector(1, 2);
        DoubleNd k = DoubleNd.vector(1, 0, -1, 3);
        double[] conv = Convolution.convolve(x, k, ConvMode.VALID).toDouble().toArray();
        assertArrayEquals(new double[] {2, -1, 1}, conv, 0);
        // correlate(x, k) with swapped inputs is correlate(k, x) reversed, as scipy
        double[] corr = Convolution.correlate(x, k, ConvMode.VALID).toDouble().toArray();
        assertArrayEquals(new double[] {5, -2, 1}, corr, 0);
    }

    @Test
    void validModeRejectsInputsWhereNeitherCoversTheOther() {
        DoubleNd x = DoubleNd.of(Shape.of(2, 5), new double[10]);
        DoubleNd k = DoubleNd.of(Shape.of(3, 1), new double[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Convolution.convolve(x, k, ConvMode.VALID));
        assertEquals("for 'valid' mode one of input 2x5 and kernel 3x1 must be at least as large as the other on every axis",
                e.getMessage());
    }

    @Test
    void numpyConvolveSwapsALongerKernel() {
        DoubleNd x = DoubleNd.vector(1, 2);
        DoubleNd k = DoubleNd.vector(1, 1, 1, 1, 1);
        assertEquals(5, Convolution.numpyConvolve(x, k, ConvMode.SAME).shape().dim(0));
    }
}
