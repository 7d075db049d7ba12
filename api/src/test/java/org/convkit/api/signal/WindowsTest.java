package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference values from scipy 1.10.1 and torch 1.13 (Debian's /usr/bin/python3), calls stated per test. */
class WindowsTest {

    @Test
    void periodicHannMatchesScipyGetWindow() {
        // scipy.signal.get_window('hann', 8)
        double[] want = {0.0, 0.14644660940672627, 0.5, 0.8535533905932737, 1.0, 0.8535533905932737, 0.5,
            0.14644660940672627};
        assertArrayEquals(want, Windows.get("hann", 8), 1e-15);
        assertArrayEquals(want, Windows.hann(8, true), 1e-15);
    }

    @Test
    void periodicHannMatchesTorchHannWindow() {
        // torch.hann_window(8, dtype=torch.float64)
        double[] want = {0.0, 0.1464466094067262, 0.49999999999999994, 0.8535533905932737, 1.0, 0.8535533905932738,
            0.5000000000000001, 0.14644660940672632};
        assertArrayEquals(want, Windows.hann(8, true), 1e-15);
    }

    @Test
    void symmetricHannMatchesScipy() {
        // scipy.signal.windows.hann(8, sym=True)
        double[] want = {0.0, 0.18825509907063326, 0.6112604669781572, 0.9504844339512095, 0.9504844339512095,
            0.6112604669781572, 0.18825509907063326, 0.0};
        assertArrayEquals(want, Windows.hann(8, false), 1e-15);
    }

    @Test
    void hammingMatchesScipyInBothForms() {
        // scipy.signal.get_window('hamming', 7) and scipy.signal.windows.hamming(7, sym=True)
        double[] periodic = {0.08000000000000007, 0.25319469114498266, 0.6423596296199047, 0.9544456792351128,
            0.9544456792351128, 0.6423596296199047, 0.25319469114498266};
        double[] symmetric = {0.08000000000000007, 0.30999999999999994, 0.77, 1.0, 0.7700000000000002,
            0.31000000000000033, 0.08000000000000007};
        assertArrayEquals(periodic, Windows.get("Hamming", 7), 1e-15);
        assertArrayEquals(symmetric, Windows.hamming(7, false), 1e-15);
    }

    @Test
    void boxcarIsOnesUnderEveryAlias() {
        for (String name : new String[] {"boxcar", "rect", "rectangular", "ones", "box"}) {
            assertArrayEquals(new double[] {1, 1, 1}, Windows.get(name, 3), 0.0, name);
        }
    }

    @Test
    void lengthOneWindowIsOne() {
        assertArrayEquals(new double[] {1.0}, Windows.hann(1, true), 0.0);
        assertArrayEquals(new double[] {1.0}, Windows.hamming(1, false), 0.0);
    }

    @Test
    void unknownNameAndEmptyLengthAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Windows.get("kaiser", 8));
        assertEquals("unknown window 'kaiser': expected hann, hamming or boxcar (rectangular)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Windows.hann(0, true));
    }
}
