package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class ZeroPoleGainTest {

    private static Complex[] sorted(Complex[] v) {
        Complex[] s = v.clone();
        Arrays.sort(s, Comparator.comparingDouble(Complex::getReal).thenComparingDouble(Complex::getImaginary));
        return s;
    }

    @Test
    void rootsOfAPolynomialWithKnownRoots() {
        // (x - 1)(x - 2)(x - 3) = x^3 - 6x^2 + 11x - 6, over a denominator (x - 0.5)
        ZeroPoleGain zpk = ZeroPoleGain.tf2zpk(new double[] {2, -12, 22, -12}, new double[] {1, -0.5});
        Complex[] z = sorted(zpk.zeros());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1.0, z[i].getReal(), 1e-12);
            assertEquals(0, z[i].getImaginary(), 1e-12);
        }
        assertEquals(0.5, zpk.poles()[0].getReal(), 1e-15);
        assertEquals(2, zpk.gain());
    }

    @Test
    void complexRootsComeInConjugatePairs() {
        Complex[] z = ZeroPoleGain.tf2zpk(new double[] {1, 0, 1}, new double[] {1}).zeros();
        assertEquals(2, z.length);
        assertEquals(0, z[0].subtract(new Complex(0, 1)).abs(), 1e-15);
        assertEquals(0, z[1].subtract(z[0].conjugate()).abs());
    }

    @Test
    void gainIsNormalisedByTheLeadingDenominatorCoefficientAfterDroppingItsLeadingZeros() {
        ZeroPoleGain zpk = ZeroPoleGain.tf2zpk(new double[] {3, 3}, new double[] {0, 2, -1});
        assertEquals(1.5, zpk.gain());
        assertEquals(1, zpk.poles().length);
        assertEquals(0.5, zpk.poles()[0].getReal(), 1e-15);
        assertEquals(-1, zpk.zeros()[0].getReal(), 1e-15);
    }

    @Test
    void trailingZeroCoefficientsAreRootsAtTheOrigin() {
        Complex[] z = ZeroPoleGain.tf2zpk(new double[] {1, -2, 0}, new double[] {1}).zeros();
        assertEquals(2, z.length);
        assertEquals(2, z[0].getReal(), 1e-15);
        assertEquals(Complex.ZERO, z[1]);
    }

    @Test
    void tripleRootClusterIsNumpysToTheBit() {
        // numpy.roots([1, -3, 3, -1]) (numpy 1.24, OpenBLAS 0.3.21): the multiple root scatters by ~6e-6,
        // in the same way only when the eigenvalue iteration follows LAPACK's operations exactly.
        Complex[] z = ZeroPoleGain.tf2zpk(new double[] {1, -3, 3, -1}, new double[] {1}).zeros();
        assertEquals(new Complex(1.0000065704250627, 0.0), z[0]);
        assertEquals(new Complex(0.9999967147874662, 5.6901538690326425e-06), z[1]);
        assertEquals(new Complex(0.9999967147874662, -5.6901538690326425e-06), z[2]);
    }

    @Test
    void zerosPolesAndGainRebuildTheTransferFunction() {
        TransferFunction tf = Butterworth.design(3, new double[] {8, 12}, "bandpass", 100).transferFunction();
        TransferFunction back = ZeroPoleGain.tf2zpk(tf).toTransferFunction();
        assertArrayEquals(tf.b(), back.b(), 1e-12);
        assertArrayEquals(tf.a(), back.a(), 1e-12);
    }

    @Test
    void stabilityRequiresEveryPoleStrictlyInsideTheUnitCircle() {
        assertTrue(ZeroPoleGain.isStable(new double[] {1, -0.5}));
        assertTrue(ZeroPoleGain.isStable(new double[] {1, -1.2, 0.5}));   // poles 0.6 +- 0.37i
        assertFalse(ZeroPoleGain.isStable(new double[] {1, -1.5}));
        assertFalse(ZeroPoleGain.isStable(new double[] {1, 0, 1}));       // poles +-i, on the circle
        assertTrue(ZeroPoleGain.isStable(new double[] {2}));              // FIR
    }

    @Test
    void rejectsAnAllZeroDenominator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroPoleGain.tf2zpk(new double[] {1}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("denominator"), e.getMessage());
    }
}
