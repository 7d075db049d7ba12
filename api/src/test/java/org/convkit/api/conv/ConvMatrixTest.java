package org.convkit.api.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ConvMatrixTest {
    private static final ConvContext REF = ConvContext.of(ConvMethod.REFERENCE);

    private static DoubleNd random(Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble(-1, 1);
        }
        return DoubleNd.of(s, d);
    }

    @ParameterizedTest
    @EnumSource(ConvMode.class)
    void multiplyingByTheMatrixEqualsTheDirectConvolution(ConvMode mode) {
        DoubleNd x = random(Shape.of(6, 7), 1);
        DoubleNd k = random(Shape.of(3, 2), 2);
        ConvSpec spec = ConvSpec.convolve(mode);
        ConvMatrix m = ConvMatrix.of(x.shape(), k, spec);
        assertArrayEquals(Convolution.apply(x, k, spec, REF).toDouble().toArray(), m.multiply(x).toArray(), 1e-12);
    }

    @Test
    void theSeedSignalGivesABandedMatrix() {
        ConvMatrix m = ConvMatrix.of(Shape.of(6), DoubleNd.vector(-1, 2, -1), ConvSpec.convolve(ConvMode.VALID));
        assertEquals(4, m.rows());
        assertEquals(6, m.columns());
        assertEquals(12, m.nonZeros());
        assertEquals(-1, m.get(1, 1));
        assertEquals(2, m.get(1, 2));
        assertEquals(0, m.get(1, 4));
        assertArrayEquals(new double[] {8, -16, 11, 1},
                m.multiply(DoubleNd.vector(1, 2, -5, 4, 2, -1)).toArray(), 0);
    }

    @Test
    void transposeOfValidCorrelationIsFullCorrelationWithTheFlippedKernel() {
        DoubleNd x = random(Shape.of(9, 8), 3);
        DoubleNd w = random(Shape.of(3, 4), 4);
        ConvMatrix m = ConvMatrix.of(x.shape(), w, ConvSpec.correlate(ConvMode.VALID));
        DoubleNd gy = random(m.geometry().output(), 5);
        // correlating with the flipped kernel is convolving with the kernel itself
        DoubleNd want = Convolution.apply(gy, w, ConvSpec.convolve(ConvMode.FULL), REF).toDouble();
        assertArrayEquals(want.toArray(), m.multiplyTransposed(gy).toArray(), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(ConvMode.class)
    void transposeIsTheAdjointForStridedDilatedSpecs(ConvMode mode) {
        DoubleNd x = random(Shape.of(11, 10), 6);
        DoubleNd k = random(Shape.of(3, 3), 7);
        ConvSpec spec = new ConvSpec(mode, true, new int[] {2, 1}, new int[] {1, 2}, SameAlignment.TORCH);
        ConvMatrix m = ConvMatrix.of(x.shape(), k, spec);
        DoubleNd y = random(m.geometry().output(), 8);
        double lhs = dot(m.multiply(x).toArray(), y.toArray());
        double rhs = dot(x.toArray(), m.multiplyTransposed(y).toArray());
        assertEquals(lhs, rhs, 1e-12 * (1 + Math.abs(lhs)));
        assertArrayEquals(Convolution.apply(x, k, spec, REF).toDouble().toArray(), m.multiply(x).toArray(), 1e-12);
    }

    @Test
    void rejectsAnInputOfAnotherShape() {
        ConvMatrix m = ConvMatrix.of(Shape.of(5), DoubleNd.vector(1, 1), ConvSpec.convolve(ConvMode.FULL));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.multiply(DoubleNd.vector(1, 2, 3)));
        assertEquals("array of shape 3 does not match the input shape 5 of this convolution matrix", e.getMessage());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
