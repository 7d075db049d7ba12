package org.convkit.api.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** {@link RandomShift} against a position-by-position oracle, in one, two and three spatial dimensions. */
class RandomShiftTest {

    private static FloatNd random(Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 + r.nextInt(100);
        }
        return FloatNd.of(s, d);
    }

    /** Sample {@code i}, channel {@code c} of {@code x} moved by {@code shift}, computed element by element. */
    private static float[] moved(FloatNd x, int i, int c, int[] shift) {
        Shape s = x.shape();
        int plane = s.stride(1);
        float[] out = new float[plane];
        int[] pos = new int[shift.length];
        for (int flat = 0; flat < plane; flat++) {
            int rest = flat;
            boolean inside = true;
            int from = 0;
            for (int a = 0; a < shift.length; a++) {
                pos[a] = rest / s.stride(a + 2);
                rest %= s.stride(a + 2);
                int p = pos[a] - shift[a];
                inside &= p >= 0 && p < s.dim(a + 2);
                from += p * s.stride(a + 2);
            }
            out[flat] = inside ? x.data()[x.offset() + (i * s.dim(1) + c) * plane + from] : 0f;
        }
        return out;
    }

    /**
     * The shift in {@code [-max, max]} per axis that turns sample {@code i} of x into that of y,
     * checked on every channel.
     */
    private static List<Integer> shiftOf(FloatNd x, FloatNd y, int i, int max) {
        Shape s = x.shape();
        int axes = s.rank() - 2;
        int plane = s.stride(1);
        int[] shift = new int[axes];
        int combinations = (int) Math.pow(2 * max + 1, axes);
        List<Integer> found = null;
        for (int k = 0; k < combinations; k++) {
            int rest = k;
            for (int a = 0; a < axes; a++) {
                shift[a] = rest % (2 * max + 1) - max;
                rest /= 2 * max + 1;
            }
            boolean all = true;
            for (int c = 0; c < s.dim(1); c++) {
                float[] got = new float[plane];
                System.arraycopy(y.data(), (i * s.dim(1) + c) * plane, got, 0, plane);
                all &= Arrays.equals(moved(x, i, c, shift), got);
            }
            if (all) {
                assertEquals(null, found, "sample " + i + " matches two shifts");
                found = Arrays.stream(shift).boxed().toList();
            }
        }
        assertTrue(found != null, "sample " + i + " is not its input moved by at most " + max);
        return found;
    }

    private static Set<List<Integer>> checkEverySample(Shape s, int max, long seed) {
        FloatNd x = random(s, seed);
        float[] before = x.toArray();
        FloatNd y = new RandomShift(max).apply(x, new SplittableRandom(seed));
        assertArrayEquals(before, x.toArray(), "the input must not change");
        assertEquals(s, y.shape());
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < s.dim(0); i++) {
            seen.add(shiftOf(x, y, i, max));
        }
        return seen;
    }

    @Test
    void everyImageIsItsInputMovedByAtMostMaxWithZerosMovedIn() {
        Set<List<Integer>> seen = checkEverySample(Shape.of(120, 2, 5, 7), 1, 3);
        assertEquals(9, seen.size(), "every shift in [-1, 1]^2 occurs over 120 images: " + seen);
    }

    @Test
    void signalsAndVolumesShiftAlongEverySpatialAxis() {
        assertEquals(5, checkEverySample(Shape.of(60, 3, 9), 2, 4).size());
        assertEquals(27, checkEverySample(Shape.of(150, 1, 3, 4, 5), 1, 5).size());
    }

    @Test
    void aShiftAsLongAsTheAxisLeavesOnlyZeros() {
        FloatNd x = random(Shape.of(1, 1, 2, 2), 6);
        int offTheImage = 0;
        for (long seed = 0; seed < 50; seed++) {
            // the draws of the one sample, in the documented order: d1 (rows), then d2 (columns)
            SplittableRandom r = new SplittableRandom(seed);
            int dy = r.nextInt(5) - 2;
            int dx = r.nextInt(5) - 2;
            if (Math.abs(dy) == 2 || Math.abs(dx) == 2) {
                offTheImage++;
                FloatNd y = new RandomShift(2).apply(x, new SplittableRandom(seed));
                assertArrayEquals(new float[4], y.toArray(), "shift " + dy + ", " + dx);
            }
        }
        assertTrue(offTheImage > 10, "only " + offTheImage + " of 50 draws moved the image off");
    }

    @Test
    void aShiftOfZeroCopiesTheFeatures() {
        FloatNd x = random(Shape.of(4, 2, 6, 6), 7);
        FloatNd y = new RandomShift(0).apply(x, new SplittableRandom(1));
        assertNotSame(x.data(), y.data());
        assertArrayEquals(x.toArray(), y.toArray());
    }

    @Test
    void aViewIsReadFromItsOffset() {
        FloatNd whole = random(Shape.of(6, 1, 4, 4), 8);
        FloatNd later = whole.slice(3).reshape(Shape.of(1, 1, 4, 4));
        assertEquals(48, later.offset());
        assertArrayEquals(later.toArray(), new RandomShift(0).apply(later, new SplittableRandom(2)).toArray());
    }

    @Test
    void theSameGeneratorStateGivesTheSameShifts() {
        FloatNd x = random(Shape.of(16, 1, 8, 8), 9);
        assertArrayEquals(new RandomShift(2).apply(x, new SplittableRandom(11)).toArray(),
                new RandomShift(2).apply(x, new SplittableRandom(11)).toArray());
    }

    @Test
    void aNegativeShiftOrFeaturesWithoutASpatialAxisAreRefused() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new RandomShift(-1));
        assertEquals("the largest shift must be at least 0, got -1", negative.getMessage());
        FloatNd flat = FloatNd.zeros(Shape.of(4, 10));
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> new RandomShift(1).apply(flat, new SplittableRandom(1)));
        assertEquals("a shift needs features [N, C, d1, ...] with a spatial axis, got " + flat.shape(),
                rank.getMessage());
    }
}
