package org.convkit.api.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.convkit.api.nd.DoubleNd;
import org.junit.jupiter.api.Test;

/** The seed lecture's padding table: [1,2,-5,4,2,-1] convolved with [-1,2,-1]. */
class SeedPaddingTableTest {
    private static final DoubleNd SIGNAL = DoubleNd.vector(1, 2, -5, 4, 2, -1);
    private static final DoubleNd KERNEL = DoubleNd.vector(-1, 2, -1);

    private static double[] convolve(ConvMode mode) {
        return Convolution.apply(SIGNAL, KERNEL, ConvSpec.convolve(mode), ConvContext.of(ConvMethod.REFERENCE))
                .toDouble().toArray();
    }

    @Test
    void validKeepsOnlyFullOverlaps() {
        assertArrayEquals(new double[] {8, -16, 11, 1}, convolve(ConvMode.VALID), 0);
    }

    @Test
    void sameKeepsTheInputLength() {
        assertArrayEquals(new double[] {0, 8, -16, 11, 1, -4}, convolve(ConvMode.SAME), 0);
    }

    @Test
    void fullKeepsEveryOverlap() {
        assertArrayEquals(new double[] {-1, 0, 8, -16, 11, 1, -4, 1}, convolve(ConvMode.FULL), 0);
    }
}
