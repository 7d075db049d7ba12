package org.convkit.domains.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWritersTest {

    @TempDir
    Path dir;

    private static DataFile levels(int channels, int max, long seed, Map<String, String> props) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[channels * 6 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(max + 1) / (float) max;
        }
        return new DataFile("png", FloatNd.of(Shape.of(channels, 6, 7), v), Metadata.NONE.withProperties(props));
    }

    private DataFile roundTrip(FileFormat f, DataFile d, String name) throws IOException {
        Path p = dir.resolve(name);
        f.write(d, p);
        return f.read(p);
    }

    @Test
    void sixteenBitPropertyKeepsEverySixteenBitLevelInPngAndTiff() throws IOException {
        for (int c = 1; c <= 4; c++) {
            DataFile d = levels(c, 65535, c, Map.of(ImageIoFormat.BIT_DEPTH, "16"));
            for (FileFormat f : new FileFormat[] {new PngFormat(), new TiffFormat()}) {
                DataFile back = roundTrip(f, d, "deep" + c + "." + f.extensions().get(0));
                assertArrayEquals(d.data().toFloat().toArray(), back.data().toFloat().toArray(), 0f, f.name() + " " + c);
                assertEquals("16", back.metadata().properties().get(ImageIoFormat.BIT_DEPTH));
            }
        }
    }

    @Test
    void eightBitWritesRoundToTheNearestLevelAndClampToTheUnitRange() throws IOException {
        float[] v = {-0.5f, 0f, 0.1f, 0.5f, 0.999f, 1.5f};
        DataFile d = new DataFile("png", FloatNd.of(Shape.of(1, 2, 3), v), Metadata.NONE);
        DataFile back = roundTrip(new PngFormat(), d, "g.png");
        assertArrayEquals(new float[] {0f, 0f, 26 / 255f, 128 / 255f, 1f, 1f}, back.data().toFloat().toArray(), 0f);
        assertEquals("8", back.metadata().properties().get(ImageIoFormat.BIT_DEPTH));
    }

    @Test
    void greyWithAlphaKeepsItsTwoChannelsAndTheirLabels() throws IOException {
        DataFile back = roundTrip(new PngFormat(), levels(2, 255, 3, Map.of()), "ga.png");
        assertEquals(Shape.of(2, 6, 7), back.data().shape());
        assertEquals("alpha", back.metadata().channels().get(1).label());
    }

    @Test
    void greyBmpAndGifReadBackAsOneChannel() throws IOException {
        DataFile d = levels(1, 255, 4, Map.of());
        for (FileFormat f : new FileFormat[] {new BmpFormat(), new GifFormat(), new JpegFormat()}) {
            DataFile back = roundTrip(f, d, "grey." + f.extensions().get(0));
            assertEquals(Shape.of(1, 6, 7), back.data().shape(), f.name());
        }
    }

    @Test
    void containersWithoutAlphaRefuseFourChannels() {
        DataFile rgba = levels(4, 255, 5, Map.of());
        for (FileFormat f : new FileFormat[] {new BmpFormat(), new GifFormat(), new JpegFormat()}) {
            assertThrows(IllegalArgumentException.class, () -> f.write(rgba, dir.resolve("x." + f.extensions().get(0))),
                    f.name());
        }
    }

    @Test
    void gifKeepsUpTo256ColoursExactlyAndRoundsMoreToSixLevels() throws IOException {
        DataFile few = levels(3, 3, 6, Map.of()); // at most 64 colours
        assertArrayEquals(few.data().toFloat().toArray(), roundTrip(new GifFormat(), few, "few.gif").data().toFloat()
                .toArray(), 0f);
        float[] big = new float[3 * 20 * 20];
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < big.length; i++) {
            big[i] = rng.nextInt(256) / 255f;
        }
        DataFile d = new DataFile("gif", FloatNd.of(Shape.of(3, 20, 20), big), Metadata.NONE); // ~400 colours
        float[] back = roundTrip(new GifFormat(), d, "many.gif").data().toFloat().toArray();
        for (int i = 0; i < big.length; i++) {
            assertEquals(Math.round(big[i] * 5) / 5f, back[i], 1e-6f, "sample " + i);
        }
    }

    @Test
    void jpegQualityPropertySetsTheCompression() throws IOException {
        DataFile d = levels(3, 255, 9, Map.of());
        Path low = dir.resolve("low.jpg");
        Path high = dir.resolve("high.jpg");
        new JpegFormat().write(new DataFile("jpeg", d.data(), Metadata.NONE.withProperties(Map.of(JpegFormat.QUALITY,
                "0.2"))), low);
        new JpegFormat().write(new DataFile("jpeg", d.data(), Metadata.NONE.withProperties(Map.of(JpegFormat.QUALITY,
                "1.0"))), high);
        assertTrue(Files.size(low) < Files.size(high), Files.size(low) + " vs " + Files.size(high));
        DataFile bad = new DataFile("jpeg", d.data(), Metadata.NONE.withProperties(Map.of(JpegFormat.QUALITY, "7")));
        assertThrows(IllegalArgumentException.class, () -> new JpegFormat().write(bad, dir.resolve("bad.jpg")));
    }

    @Test
    void aNanValueIsRefusedNamingItsPosition() {
        float[] v = new float[3 * 2 * 2];
        v[7] = Float.NaN;
        DataFile d = new DataFile("png", FloatNd.of(Shape.of(3, 2, 2), v), Metadata.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PngFormat().write(d, dir.resolve("nan.png")));
        assertTrue(e.getMessage().contains("channel 1, row 1, column 1"), e.getMessage());
    }
}
