package org.convkit.domains.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Trilinear resizing matches torch's interpolate(trilinear, align_corners=False) (see make_trilinear.py). */
class TrilinearTest {

    private static FloatNd input() {
        float[] v = new float[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((7 * i) % 11 - 3.5 * (i % 2));
        }
        return FloatNd.of(Shape.of(3, 4, 5), v);
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = TrilinearTest.class.getResourceAsStream("/org/convkit/domains/ct/trilinear.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyTargetSizeMatchesTorch() throws IOException {
        for (JsonNode c : reference().get("cases")) {
            int[] size = {c.get("size").get(0).asInt(), c.get("size").get(1).asInt(), c.get("size").get(2).asInt()};
            FloatNd out = Trilinear.resize(input(), size);
            assertEquals(Shape.of(size), out.shape());
            JsonNode want = c.get("values");
            for (int i = 0; i < want.size(); i++) {
                // float32 output of a double computation: half an ulp of values below 16
                assertEquals(want.get(i).asDouble(), out.getDouble(i), 1e-6, "size " + c.get("size") + " index " + i);
            }
        }
    }

    @Test
    void sameSizeIsTheIdentity() {
        assertArrayEquals(input().toArray(), Trilinear.resize(input(), new int[] {3, 4, 5}).toArray());
    }

    @Test
    void inputIsNotModified() {
        FloatNd in = input();
        Trilinear.resize(in, new int[] {6, 2, 9});
        assertArrayEquals(input().toArray(), in.toArray());
    }

    @Test
    void sizeForAVoxelSizeKeepsTheFieldOfView() {
        Shape s = Shape.of(10, 20, 30);
        double[] voxel = {2.5, 1, 0.7};
        int[] sizes = Trilinear.sizeFor(s, voxel, new double[] {1, 1, 1});
        // 10 x 2.5 = 25 mm, 20 x 1 = 20 mm, 30 x 0.7 = 21 mm
        assertArrayEquals(new int[] {25, 20, 21}, sizes);
        assertArrayEquals(new double[] {1, 1, 1}, Trilinear.voxelSizeAfter(s, voxel, sizes), 1e-12);
    }

    @Test
    void sizeForRoundsAndNeverGoesBelowOne() {
        assertArrayEquals(new int[] {1, 3, 7}, Trilinear.sizeFor(Shape.of(2, 5, 10), new double[] {1, 1, 1},
                new double[] {10, 1.5, 1.4}));
    }

    @Test
    void nonPositiveVoxelSizeIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trilinear.sizeFor(Shape.of(2, 2, 2), new double[] {1, 0, 1}, new double[] {1, 1, 1}));
        assertEquals(true, e.getMessage().contains("0.0"), e.getMessage());
    }

    @Test
    void aVolumeOfTheWrongRankIsRejectedNamingItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trilinear.resize(FloatNd.zeros(Shape.of(1, 2, 2, 2)), new int[] {2, 2, 2}));
        assertEquals(true, e.getMessage().contains("1x2x2x2"), e.getMessage());
    }
}
