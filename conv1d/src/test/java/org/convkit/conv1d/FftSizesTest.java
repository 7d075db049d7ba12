package org.convkit.conv1d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FftSizesTest {

    @Test
    void nextSmoothIsTheSmallestProductOfTwoThreeAndFive() {
        assertEquals(1, FftSizes.nextSmooth(1));
        assertEquals(7 + 1, FftSizes.nextSmooth(7));
        assertEquals(1000, FftSizes.nextSmooth(1000));
        assertEquals(1024, FftSizes.nextSmooth(1001));
        assertEquals(1_000_000, FftSizes.nextSmooth(999_999));
    }

    @Test
    void fastSizeIsEvenAndLargeEnough() {
        for (int min = 1; min < 5000; min += 37) {
            int n = FftSizes.fastSize(min);
            assertTrue(n >= min && n % 2 == 0, min + " -> " + n);
        }
    }

    @Test
    void fastSizePrefersAPowerOfTwoWhenMixedRadixWouldCostMore() {
        assertEquals(1 << 20, FftSizes.fastSize(1_000_100));
    }
}
