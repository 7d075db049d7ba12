package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.convkit.api.signal.Butterworth.Band;
import org.junit.jupiter.api.Test;

class ButterworthTest {

    /** H(e^{i 2 pi f / fs}) = B(z^-1) / A(z^-1). */
    static Complex response(double[] b, double[] a, double f, double fs) {
        double w = 2 * Math.PI * f / fs;
        return eval(b, w).divide(eval(a, w));
    }

    private static Complex eval(double[] c, double w) {
        Complex s = Complex.ZERO;
        for (int k = 0; k < c.length; k++) {
            s = s.add(new Complex(Math.cos(-w * k), Math.sin(-w * k)).multiply(c[k]));
        }
        return s;
    }

    private static void assertRelativelyClose(double[] want, double[] got, double rtol) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], rtol * Math.abs(want[i]) + 1e-15, "coefficient " + i);
        }
    }

    @Test
    void lowpassCoefficientsMatchScipy() {
        // scipy.signal.butter(4, 30, 'lowpass', fs=256) (scipy 1.10)
        double[] b = {0.00823639593126987, 0.03294558372507948, 0.049418375587619225, 0.03294558372507948,
                0.00823639593126987};
        double[] a = {1.0, -2.0934313532519706, 1.9034642758197504, -0.8167049838175489, 0.13845439615008703};
        TransferFunction tf = Butterworth.ba(4, new double[] {30}, Band.LOWPASS, 256);
        assertRelativelyClose(b, tf.b(), 1e-12);
        assertRelativelyClose(a, tf.a(), 1e-12);
    }

    @Test
    void bandstopCoefficientsMatchScipy() {
        // scipy.signal.butter(2, [8, 12], 'bandstop', fs=100) (scipy 1.10)
        double[] b = {0.837089190566345, -2.730407603388911, 3.9006811733859568, -2.730407603388911, 0.8370891905663452};
        double[] a = {1.0, -2.9743104371743843, 3.8739627733302426, -2.486504769603436, 0.7008967811884028};
        TransferFunction tf = Butterworth.design(2, new double[] {8, 12}, "bandstop", 100).transferFunction();
        assertRelativelyClose(b, tf.b(), 1e-12);
        assertRelativelyClose(a, tf.a(), 1e-12);
    }

    @Test
    void highpassBlocksDcAndPassesNyquist() {
        TransferFunction tf = Butterworth.ba(3, new double[] {5}, Band.HIGHPASS, 100);
        assertEquals(0, response(tf.b(), tf.a(), 0, 100).abs(), 1e-12);
        assertEquals(1, response(tf.b(), tf.a(), 50, 100).abs(), 1e-12);
    }

    @Test
    void lowpassPassesDcBlocksNyquistAndIsHalfPowerAtTheCutoff() {
        TransferFunction tf = Butterworth.ba(5, new double[] {12}, Band.LOWPASS, 100);
        assertEquals(1, response(tf.b(), tf.a(), 0, 100).abs(), 1e-12);
        assertEquals(0, response(tf.b(), tf.a(), 50, 100).abs(), 1e-12);
        assertEquals(Math.sqrt(0.5), response(tf.b(), tf.a(), 12, 100).abs(), 1e-9);
    }

    @Test
    void bandstopPassesBothEndsAndIsHalfPowerAtItsEdges() {
        TransferFunction tf = Butterworth.ba(3, new double[] {45, 55}, Band.BANDSTOP, 500);
        assertEquals(1, response(tf.b(), tf.a(), 0, 500).abs(), 1e-12);
        assertEquals(1, response(tf.b(), tf.a(), 250, 500).abs(), 1e-12);
        assertEquals(Math.sqrt(0.5), response(tf.b(), tf.a(), 45, 500).abs(), 1e-9);
        assertEquals(Math.sqrt(0.5), response(tf.b(), tf.a(), 55, 500).abs(), 1e-9);
        assertTrue(response(tf.b(), tf.a(), 50, 500).abs() < 0.01);
    }

    @Test
    void bandpassBlocksBothEndsAndPassesItsCentre() {
        TransferFunction tf = Butterworth.ba(2, new double[] {8, 12}, Band.BANDPASS, 100);
        assertEquals(0, response(tf.b(), tf.a(), 0, 100).abs(), 1e-12);
        assertEquals(0, response(tf.b(), tf.a(), 50, 100).abs(), 1e-12);
        assertEquals(Math.sqrt(0.5), response(tf.b(), tf.a(), 8, 100).abs(), 1e-9);
    }

    @Test
    void sectionsHaveTheSameResponseAsTheTransferFunction() {
        Butterworth.Design d = Butterworth.design(3, new double[] {8, 30}, Band.BANDPASS, 256);
        double[][] sos = d.sections();
        assertEquals(3, sos.length);
        TransferFunction tf = d.transferFunction();
        for (double f : new double[] {0.5, 1, 8, 20, 30, 60, 127}) {
            Complex h = Complex.ONE;
            for (double[] s : sos) {
                assertEquals(6, s.length);
                assertEquals(1, s[3]);
                h = h.multiply(response(new double[] {s[0], s[1], s[2]}, new double[] {s[3], s[4], s[5]}, f, 256));
            }
            Complex want = response(tf.b(), tf.a(), f, 256);
            assertEquals(0, h.subtract(want).abs(), 1e-9, "at " + f + " Hz");
        }
    }

    @Test
    void oddOrderLowpassHasExactlyOneSectionWithASinglePole() {
        double[][] sos = Butterworth.sos(3, new double[] {10}, Band.LOWPASS, 100);
        assertEquals(2, sos.length);
        int singlePole = 0;
        for (double[] s : sos) {
            singlePole += s[5] == 0 ? 1 : 0;
        }
        assertEquals(1, singlePole);
    }

    @Test
    void designedPolesAreInsideTheUnitCircle() {
        ZeroPoleGain zpk = Butterworth.design(10, new double[] {1, 2}, Band.BANDPASS, 256).zpk();
        assertEquals(20, zpk.poles().length);
        assertTrue(zpk.isStable());
    }

    @Test
    void narrowHighOrderBandpassAsTransferFunctionWarnsAndPointsToSections() {
        Butterworth.Design d = Butterworth.design(10, new double[] {1, 2}, Band.BANDPASS, 256);
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("second-order sections"), d.warnings().get(0));
        assertTrue(d.warnings().get(0).contains("order 10 bandpass"), d.warnings().get(0));
    }

    @Test
    void moderateDesignHasNoWarning() {
        assertEquals(java.util.List.of(), Butterworth.design(4, new double[] {1, 40}, Band.BANDPASS, 256).warnings());
        assertEquals(java.util.List.of(), Butterworth.design(2, new double[] {10}, Band.LOWPASS, 100).warnings());
    }

    @Test
    void cutoffAtOrAboveNyquistIsRejectedNamingValueAndFs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Butterworth.design(2, new double[] {60}, Band.LOWPASS, 100));
        assertTrue(e.getMessage().contains("60.0") && e.getMessage().contains("fs = 100.0")
                && e.getMessage().contains("50.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Butterworth.design(2, new double[] {50}, Band.LOWPASS, 100));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.design(2, new double[] {0}, Band.HIGHPASS, 100));
    }

    @Test
    void orderBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Butterworth.design(0, new double[] {10}, Band.LOWPASS, 100));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void bandEdgesMustIncrease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Butterworth.design(2, new double[] {12, 8}, Band.BANDPASS, 100));
        assertTrue(e.getMessage().contains("[12.0, 8.0]"), e.getMessage());
    }

    @Test
    void wrongNumberOfCutoffsForTheBandIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Butterworth.design(2, new double[] {10}, Band.BANDSTOP, 100));
        assertTrue(e.getMessage().contains("takes 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Butterworth.design(2, new double[] {10, 20}, Band.LOWPASS, 100));
    }

    @Test
    void bandNamesFollowScipy() {
        assertEquals(Band.LOWPASS, Band.parse("low"));
        assertEquals(Band.HIGHPASS, Band.parse("highpass"));
        assertEquals(Band.BANDPASS, Band.parse("bandpass"));
        assertEquals(Band.BANDSTOP, Band.parse("bs"));
        assertThrows(IllegalArgumentException.class, () -> Band.parse("notch"));
    }

    @Test
    void prototypePolesAreOnTheLeftHalfOfTheUnitCircle() {
        for (Complex p : Butterworth.prototype(5).poles()) {
            assertEquals(1, p.abs(), 1e-15);
            assertTrue(p.getReal() < 0);
        }
        assertArrayEquals(new Complex[0], Butterworth.prototype(5).zeros());
    }
}
