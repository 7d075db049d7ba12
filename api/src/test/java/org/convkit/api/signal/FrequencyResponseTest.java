package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class FrequencyResponseTest {

    @Test
    void frequenciesSpanHalfTheSamplingRateWithoutNyquist() {
        FrequencyResponse r = FrequencyResponse.freqz(new double[] {1}, new double[] {1}, 8, 100);
        double[] f = r.frequencies();
        assertEquals(8, f.length);
        for (int i = 0; i < 8; i++) {
            assertEquals(i * 50.0 / 8, f[i], 1e-12);
        }
    }

    @Test
    void twoTapAverageHasACosineResponse() {
        // H(w) = (1 + e^{-iw}) / 2 = e^{-iw/2} cos(w/2)
        int n = 16;
        FrequencyResponse r = FrequencyResponse.freqz(new double[] {0.5, 0.5}, new double[] {1}, n, 2 * Math.PI);
        for (int i = 0; i < n; i++) {
            double w = Math.PI * i / n;
            Complex want = new Complex(Math.cos(-w / 2), Math.sin(-w / 2)).multiply(Math.cos(w / 2));
            assertEquals(want.getReal(), r.re()[i], 1e-15);
            assertEquals(want.getImaginary(), r.im()[i], 1e-15);
            assertEquals(Math.cos(w / 2), r.magnitude()[i], 1e-15);
        }
    }

    @Test
    void recursiveFilterResponseIsTheRatioOfItsPolynomials() {
        // y[n] = x[n] + 0.5 y[n-1]: H = 1 / (1 - 0.5 e^{-iw})
        FrequencyResponse r = FrequencyResponse.freqz(new double[] {1}, new double[] {1, -0.5}, 4, 2 * Math.PI);
        for (int i = 0; i < 4; i++) {
            double w = Math.PI * i / 4;
            Complex want = Complex.ONE.divide(Complex.ONE.subtract(new Complex(Math.cos(-w), Math.sin(-w)).multiply(0.5)));
            assertEquals(0, want.subtract(new Complex(r.re()[i], r.im()[i])).abs(), 1e-15);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrequencyResponse.freqz(new double[] {1}, new double[] {1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> FrequencyResponse.freqz(new double[] {1}, new double[] {0}, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> FrequencyResponse.freqz(new double[] {1}, new double[] {1}, 4, -1));
    }
}
