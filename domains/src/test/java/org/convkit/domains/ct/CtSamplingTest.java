package org.convkit.domains.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Sampling windows first, then resizes or cuts; exact values on simple volumes. */
class CtSamplingTest {

    @Test
    void windowingComesBeforeResampling() {
        // two slices, air and 200 HU: windowed 0 and 0.9, averaged to 0.45 (resampling first would give
        // -400 HU, windowed 0)
        float[] v = new float[2 * 2 * 2];
        Arrays.fill(v, 0, 4, -1000f);
        Arrays.fill(v, 4, 8, 200f);
        FloatNd out = CtSampling.resized(CtWindow.SOFT_TISSUE, 1, 2, 2).samples(FloatNd.of(Shape.of(2, 2, 2), v), null);
        assertEquals(Shape.of(1, 1, 1, 2, 2), out.shape());
        assertArrayEquals(new float[] {0.45f, 0.45f, 0.45f, 0.45f}, out.toArray(), 1e-7f);
    }

    @Test
    void patchesArePaddedWithTheBottomOfTheWindow() {
        float[] v = new float[3 * 3 * 3];
        Arrays.fill(v, 40f);
        CtSampling tiles = CtSampling.patched(CtWindow.SOFT_TISSUE, Patches.tiles(2));
        FloatNd out = tiles.samples(FloatNd.of(Shape.of(3, 3, 3), v), null);
        assertEquals(Shape.of(8, 1, 2, 2, 2), out.shape());
        // the last patch holds one voxel of the volume, the rest padding
        assertEquals(0.5f, out.get(7, 0, 0, 0, 0));
        assertEquals(0f, out.get(7, 0, 1, 1, 1));
    }

    @Test
    void theDefaultIsSoftTissueAt16Cubed() {
        assertEquals(CtWindow.SOFT_TISSUE, CtSampling.DEFAULT.window());
        assertEquals(Shape.of(1, 16, 16, 16), CtSampling.DEFAULT.sampleShape());
    }

    @Test
    void resizeAndPatchesTogetherAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CtSampling(CtWindow.LUNG, new int[] {4, 4, 4}, Patches.tiles(4), null));
        assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
    }

    @Test
    void aTargetVoxelSizeWithoutPatchesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CtSampling(CtWindow.LUNG, new int[] {4, 4, 4}, null, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("[1.0, 1.0, 1.0]"), e.getMessage());
    }
}
