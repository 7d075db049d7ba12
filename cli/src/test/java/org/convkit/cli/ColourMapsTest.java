package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColourMapsTest {

    private static void assertNear(double[] rgb01, int rgb) {
        for (int k = 0; k < 3; k++) {
            int got = rgb >> (16 - 8 * k) & 255;
            assertEquals(rgb01[k] * 255, got, 2.5, "channel " + k + " of " + Integer.toHexString(rgb));
        }
    }

    @Test
    void viridisMatchesMatplotlibsTableAtItsEndsAndMiddle() {
        // matplotlib's _viridis_data entries 0, 128 and 255
        assertNear(new double[] {0.267004, 0.004874, 0.329415}, ColourMaps.viridis(0));
        assertNear(new double[] {0.127568, 0.566949, 0.550556}, ColourMaps.viridis(128 / 255.0));
        assertNear(new double[] {0.993248, 0.906157, 0.143936}, ColourMaps.viridis(1));
    }

    @Test
    void divergingIsWhiteAtZeroAndClampsOutsideTheRange() {
        assertEquals(0xF7F7F7, ColourMaps.diverging(0));
        assertEquals(ColourMaps.diverging(1), ColourMaps.diverging(7));
        assertEquals(ColourMaps.diverging(-1), ColourMaps.diverging(-7));
    }
}
