package org.convkit.api.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NdArrayTest {

    @Test
    void shapeIsRowMajor() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(24, s.size());
        assertEquals(12, s.stride(0));
        assertEquals(4, s.stride(1));
        assertEquals(1, s.stride(2));
        assertEquals(1 * 12 + 2 * 4 + 3, s.index(1, 2, 3));
        assertEquals("2x3x4", s.toString());
    }

    @Test
    void sliceOfABatchIsAViewSharingStorage() {
        FloatNd batch = FloatNd.zeros(Shape.of(2, 3, 2, 2));
        FloatNd item = batch.slice(1);
        FloatNd channel = item.slice(2);
        assertEquals(Shape.of(2, 2), channel.shape());
        channel.setDouble(3, 5);
        assertSame(batch.data(), channel.data());
        assertEquals(5f, batch.get(1, 2, 1, 1));
        assertEquals(12 + 8 + 3, channel.offset() + 3);
    }

    @Test
    void conversionRoundsToFloatAndWidensBack() {
        DoubleNd d = DoubleNd.vector(0.1, 1e40, -2.5);
        FloatNd f = d.toFloat();
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY, -2.5f}, f.toArray());
        assertEquals((double) 0.1f, f.toDouble().get(0));
        assertSame(d, d.toDouble());
    }

    @Test
    void reshapeKeepsTheElementCount() {
        DoubleNd d = DoubleNd.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertEquals(6.0, d.reshape(Shape.of(3, 2)).get(2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.reshape(Shape.of(4)));
        assertEquals("cannot reshape 2x3 (6 elements) to 4 (4 elements)", e.getMessage());
    }

    @Test
    void sliceOutOfRangeNamesTheShape() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> DoubleNd.zeros(Shape.of(2, 2)).slice(2));
        assertEquals("slice 2 of shape 2x2", e.getMessage());
    }

    @Test
    void shapeRejectsMoreThanTwoToTheThirtyOneElements() {
        assertThrows(IllegalArgumentException.class, () -> Shape.of(65536, 65536));
    }
}
