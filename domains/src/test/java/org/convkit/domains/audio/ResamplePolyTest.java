package org.convkit.domains.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against scipy.signal.resample_poly 1.10 on 101 seeded normal samples ({@code ref/make-references.py}).
 * Tolerance 1e-12 absolute on values of order 1: the same sums in another order.
 */
class ResamplePolyTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @CsvSource({"1, 2", "2, 1", "3, 2", "2, 3", "160, 441", "2, 2", "1, 3", "7, 1"})
    void matchesScipyResamplePoly(int up, int down) {
        double[] x = Fixtures.npy("resample-x");
        double[] expected = Fixtures.npy("resample-" + up + "-" + down);
        double[] got = ResamplePoly.resample(x, up, down);
        assertEquals(expected.length, got.length, "output length ceil(n up / down)");
        assertArrayEquals(expected, got, TOLERANCE);
    }

    @Test
    void theFilterIsScipysKaiserWindowedFirwinTimesUp() {
        assertArrayEquals(Fixtures.npy("firwin-3-2"), ResamplePoly.filter(3, 2), 1e-15);
    }

    @Test
    void ratesAreReducedByTheirCommonDivisor() {
        double[] x = Fixtures.npy("resample-x");
        assertArrayEquals(Fixtures.npy("resample-160-441"), ResamplePoly.resampleRates(x, 44100, 16000), TOLERANCE);
        assertArrayEquals(Fixtures.npy("resample-1-2"), ResamplePoly.resampleRates(x, 16000, 8000), TOLERANCE);
    }

    @Test
    void equalRatesCopyTheSignal() {
        double[] x = {1, 2, 3};
        double[] y = ResamplePoly.resampleRates(x, 8000, 8000);
        assertArrayEquals(x, y, 0);
        y[0] = 9;
        assertEquals(1, x[0]);
    }

    @Test
    void besselI0MatchesKnownValues() {
        // Abramowitz & Stegun table 9.8: I0(1) = 1.2660658777520082, I0(5) = 27.239871823604442
        assertEquals(1.2660658777520082, ResamplePoly.besselI0(1), 1e-15);
        assertEquals(27.239871823604442, ResamplePoly.besselI0(5), 1e-13);
        assertEquals(1.0, ResamplePoly.besselI0(0), 0);
    }

    @Test
    void badFactorsAreRejectedNamingThem() {
        assertThrows(IllegalArgumentException.class, () -> ResamplePoly.resample(new double[3], 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResamplePoly.resampleRates(new double[3], 1_000_003L, 8000L));
        assertEquals(true, e.getMessage().contains("1000003 Hz"), e.getMessage());
    }
}
