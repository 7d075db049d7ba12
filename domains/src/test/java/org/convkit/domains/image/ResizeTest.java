package org.convkit.domains.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void matchesTorchInterpolateBilinearWithAntialiasingUpAndDown() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(Path.of(getClass().getResource("resize.txt").toURI()));
        int cases = 0;
        for (int i = 0; i < lines.size(); i += 3) {
            int[] d = Arrays.stream(lines.get(i).substring(5).split(" ")).mapToInt(Integer::parseInt).toArray();
            float[] in = floats(lines.get(i + 1));
            float[] expected = floats(lines.get(i + 2));
            FloatNd out = Resize.resize(FloatNd.of(Shape.of(d[0], d[1], d[2]), in), d[3], d[4]);
            assertEquals(Shape.of(d[0], d[3], d[4]), out.shape());
            assertArrayEquals(expected, out.toArray(), 2e-6f, lines.get(i));
            cases++;
        }
        assertEquals(5, cases);
    }

    @Test
    void upsamplingTwoSamplesByTwoInterpolatesBetweenPixelCentres() {
        FloatNd out = Resize.resize(FloatNd.of(Shape.of(1, 2), 0f, 1f), 4);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, out.toArray(), 0f);
    }

    @Test
    void downsamplingByTwoAveragesPairsWithTheWidenedTriangle() {
        // scale 2: triangle weights 1/4, 3/4, 3/4, 1/4 over 4 inputs, the one past the edge dropped, normalised
        FloatNd out = Resize.resize(FloatNd.of(Shape.of(1, 4), 0f, 8f, 16f, 24f), 2);
        assertArrayEquals(new float[] {(0 * 3 + 8 * 3 + 16 * 1) / 7f, (8 * 1 + 16 * 3 + 24 * 3) / 7f}, out.toArray(), 1e-5f);
    }

    @Test
    void theSameSizeCopiesValuesExactly() {
        float[] v = {0.1f, 0.7f, 0.3f, 0.9f, 0.5f, 0.2f};
        assertArrayEquals(v, Resize.resize(FloatNd.of(Shape.of(1, 2, 3), v), 2, 3).toArray(), 0f);
    }

    @Test
    void aConstantImageStaysConstantInThreeDimensions() {
        float[] v = new float[2 * 3 * 5 * 4];
        Arrays.fill(v, 0.625f);
        FloatNd out = Resize.resize(FloatNd.of(Shape.of(2, 3, 5, 4), v), 7, 2, 9);
        assertEquals(Shape.of(2, 7, 2, 9), out.shape());
        for (float x : out.toArray()) {
            assertEquals(0.625f, x, 1e-6f);
        }
    }

    @Test
    void aSizePerSpatialAxisIsRequired() {
        FloatNd x = FloatNd.zeros(Shape.of(1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Resize.resize(x, 2));
        assertThrows(IllegalArgumentException.class, () -> Resize.resize(x, 2, 0));
    }

    private static float[] floats(String line) {
        String[] parts = line.split(" ");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (float) Double.parseDouble(parts[i]);
        }
        return out;
    }
}
