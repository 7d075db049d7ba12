package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotchTest {

    @Test
    void coefficientsMatchScipy() {
        // scipy.signal.iirnotch(50, 30, fs=500) (scipy 1.10)
        TransferFunction tf = Notch.iirnotch(50, 30, 500);
        assertArrayEquals(new double[] {0.9896361753628921, -1.6012649682336106, 0.9896361753628921}, tf.b(), 1e-15);
        assertArrayEquals(new double[] {1.0, -1.6012649682336106, 0.9792723507257841}, tf.a(), 1e-15);
    }

    @Test
    void removesTheNotchFrequencyAndPassesDcAndNyquist() {
        TransferFunction tf = Notch.iirnotch(60, 25, 1000);
        assertEquals(0, ButterworthTest.response(tf.b(), tf.a(), 60, 1000).abs(), 1e-12);
        assertEquals(1, ButterworthTest.response(tf.b(), tf.a(), 0, 1000).abs(), 1e-12);
        assertEquals(1, ButterworthTest.response(tf.b(), tf.a(), 500, 1000).abs(), 1e-12);
    }

    @Test
    void isStable() {
        assertTrue(ZeroPoleGain.isStable(Notch.iirnotch(50, 30, 250).a()));
    }

    @Test
    void notchFrequencyOutsideTheBandIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notch.iirnotch(130, 30, 256));
        assertTrue(e.getMessage().contains("130.0") && e.getMessage().contains("256.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Notch.iirnotch(50, 0, 256));
    }
}
