package org.convkit.api.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Sample i has features (i, -i) and label i % 3; a feature identifies its sample. */
    private static Dataset numbered(int n) {
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 3;
        }
        return new Dataset(FloatNd.of(Shape.of(n, 1, 2), x), y, List.of("a", "b", "c"));
    }

    private static Set<Integer> ids(Dataset d) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            s.add((int) d.features().data()[2 * i]);
        }
        return s;
    }

    @Test
    void batchCopiesTheChosenSamplesAndTheirLabelsAsFloats() {
        Dataset.Batch b = numbered(10).batch(new int[] {7, 2, 7});
        assertEquals(Shape.of(3, 1, 2), b.x().shape());
        assertArrayEquals(new float[] {7, -7, 2, -2, 7, -7}, b.x().toArray());
        assertArrayEquals(new float[] {1, 2, 1}, b.y().toArray());
    }

    @Test
    void subsetKeepsTheGivenOrder() {
        Dataset s = numbered(10).subset(new int[] {9, 0, 4});
        assertArrayEquals(new int[] {0, 0, 1}, s.labels());
        assertArrayEquals(new float[] {9, -9, 0, 0, 4, -4}, s.features().toArray());
    }

    @Test
    void splitIsADisjointCoverWithEachClassesShareInValidation() {
        Dataset d = numbered(300);
        Dataset.Split s = d.split(0.2, 42);
        assertEquals(300, s.train().size() + s.validation().size());
        Set<Integer> all = new HashSet<>(ids(s.train()));
        all.addAll(ids(s.validation()));
        assertEquals(300, all.size());
        assertArrayEquals(new int[] {20, 20, 20}, s.validation().classCounts());
    }

    @Test
    void splitDependsOnlyOnTheSeed() {
        Dataset d = numbered(100);
        assertEquals(ids(d.split(0.3, 5).validation()), ids(d.split(0.3, 5).validation()));
        assertNotEquals(ids(d.split(0.3, 5).validation()), ids(d.split(0.3, 6).validation()));
    }

    @Test
    void zeroFractionLeavesAnEmptyValidationSet() {
        Dataset.Split s = numbered(12).split(0, 1);
        assertEquals(12, s.train().size());
        assertEquals(0, s.validation().size());
        assertEquals(Shape.of(0, 1, 2), s.validation().features().shape());
    }

    @Test
    void permutationIsOneOfEachIndex() {
        int[] p = Dataset.permutation(1000, new java.util.SplittableRandom(3));
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, sorted[i]);
        }
        assertNotEquals(Arrays.toString(sorted), Arrays.toString(p));
    }

    @Test
    void labelOutsideTheClassesIsRefusedNamingTheSample() {
        FloatNd x = FloatNd.zeros(Shape.of(3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, new int[] {0, 2, 1}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("label 2 of sample 1"), e.getMessage());
    }

    @Test
    void labelCountMustMatchTheSamples() {
        FloatNd x = FloatNd.zeros(Shape.of(3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, new int[] {0, 1}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("shape 3x1 hold 3 samples but 2 labels"), e.getMessage());
    }

    @Test
    void fractionOutsideTheUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> numbered(5).split(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> numbered(5).split(-0.1, 1));
    }
}
