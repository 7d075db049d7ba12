package org.convkit.domains.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Patches cover the volume from 0 in steps of the stride, padded past the edge. */
class PatchesTest {

    private static FloatNd ramp(int z, int y, int x) {
        float[] v = new float[z * y * x];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return FloatNd.of(Shape.of(z, y, x), v);
    }

    @Test
    void countsCoverTheAxisWithoutStartingPastIt() {
        Patches p = new Patches(new int[] {4, 4, 4}, new int[] {3, 3, 3});
        assertEquals(3, p.count(0, 10)); // starts 0, 3, 6; 6 + 4 = 10
        assertEquals(4, p.count(0, 11)); // starts 0, 3, 6, 9; the last padded by 2
        assertEquals(1, p.count(0, 3)); // one patch, padded by 1
        assertEquals(1, p.count(0, 4));
    }

    @Test
    void everyPatchHoldsTheVolumeAtItsOffsetAndTheFillBeyond() {
        int[] n = {5, 4, 3};
        Patches p = new Patches(new int[] {2, 3, 2}, new int[] {2, 1, 2});
        FloatNd out = p.cut(ramp(n[0], n[1], n[2]), -7f);
        // z: starts 0, 2, 4; y: 0, 1; x: 0, 2
        assertEquals(Shape.of(12, 1, 2, 3, 2), out.shape());
        int k = 0;
        for (int sz = 0; sz < n[0]; sz += 2) {
            for (int sy = 0; sy <= 1; sy++) {
                for (int sx = 0; sx < n[2]; sx += 2) {
                    for (int z = 0; z < 2; z++) {
                        for (int y = 0; y < 3; y++) {
                            for (int x = 0; x < 2; x++) {
                                int gz = sz + z;
                                int gy = sy + y;
                                int gx = sx + x;
                                float want = gz < n[0] && gy < n[1] && gx < n[2] ? (gz * n[1] + gy) * n[2] + gx : -7f;
                                assertEquals(want, out.get(k, 0, z, y, x), "patch " + k + " at " + z + "," + y + ","
                                        + x);
                            }
                        }
                    }
                    k++;
                }
            }
        }
        assertEquals(12, k);
    }

    @Test
    void aVolumeSmallerThanOnePatchIsPaddedIntoOne() {
        FloatNd out = Patches.tiles(4).cut(ramp(2, 2, 2), 0f);
        assertEquals(Shape.of(1, 1, 4, 4, 4), out.shape());
        assertEquals(7f, out.get(0, 0, 1, 1, 1));
        assertEquals(0f, out.get(0, 0, 3, 3, 3));
    }

    @Test
    void zeroStrideIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Patches(new int[] {2, 2, 2}, new int[] {1, 0, 1}));
        assertTrue(e.getMessage().contains("[1, 0, 1]"), e.getMessage());
    }
}
