package org.convkit.api.ndimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundaryTest {

    /** Indices seen at -3..6 of an axis of length 4 ({@code -1} for the constant). */
    private static int[] around(Boundary b) {
        int[] seen = new int[10];
        for (int i = -3; i <= 6; i++) {
            seen[i + 3] = b.source(i, 4);
        }
        return seen;
    }

    @Test
    void reflectRepeatsTheEdgeSample() {
        // d c b | a b c d | d c b
        assertArrayEquals(new int[] {2, 1, 0, 0, 1, 2, 3, 3, 2, 1}, around(Boundary.REFLECT));
    }

    @Test
    void mirrorDoesNotRepeatTheEdgeSample() {
        // d c b | a b c d | c b a
        assertArrayEquals(new int[] {3, 2, 1, 0, 1, 2, 3, 2, 1, 0}, around(Boundary.MIRROR));
    }

    @Test
    void nearestWrapAndConstantExtendAsNamed() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 2, 3, 3, 3, 3}, around(Boundary.NEAREST));
        assertArrayEquals(new int[] {1, 2, 3, 0, 1, 2, 3, 0, 1, 2}, around(Boundary.WRAP));
        assertArrayEquals(new int[] {-1, -1, -1, 0, 1, 2, 3, -1, -1, -1}, around(Boundary.CONSTANT));
    }

    @Test
    void paddingWiderThanTheInputRepeatsPeriodically() {
        for (int i = -40; i < 40; i++) {
            assertEquals(Boundary.REFLECT.source(i, 4), Boundary.REFLECT.source(i + 8, 4), "reflect at " + i);
            assertEquals(Boundary.MIRROR.source(i, 4), Boundary.MIRROR.source(i + 6, 4), "mirror at " + i);
            assertEquals(Boundary.WRAP.source(i, 4), Boundary.WRAP.source(i + 4, 4), "wrap at " + i);
        }
    }

    @Test
    void aSingleSampleExtendsToItselfExceptForTheConstant() {
        for (Boundary b : new Boundary[] {Boundary.REFLECT, Boundary.MIRROR, Boundary.NEAREST, Boundary.WRAP}) {
            for (int i = -5; i <= 5; i++) {
                assertEquals(0, b.source(i, 1), b + " at " + i);
            }
        }
    }

    @Test
    void parseAcceptsScipyNamesAndListsThemOnError() {
        assertEquals(Boundary.MIRROR, Boundary.parse(" Mirror "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Boundary.parse("symmetric"));
        assertTrue(e.getMessage().contains("reflect, constant, nearest, mirror, wrap"), e.getMessage());
    }
}
