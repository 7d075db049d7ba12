package org.convkit.domains.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streams made by ffmpeg ({@code make_fixtures.sh}: 7 x 5, 3 frames at 5 fps) and damaged ones. */
class Y4mFormatTest {

    @TempDir
    Path dir;

    private final Y4mFormat y4m = new Y4mFormat();

    private Path fixture(String name) throws URISyntaxException {
        return Path.of(getClass().getResource(name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c420", "c420full", "c422", "c444", "c444full", "mono"})
    void readsFfmpegStreamsAsTheDocumentedConversionOfTheirPlanes(String name) throws Exception {
        DataFile d = y4m.read(fixture(name + ".y4m"));
        List<String> expected = Files.readAllLines(fixture(name + ".expected"));
        int[] dims = Arrays.stream(expected.get(0).split(" ")).mapToInt(Integer::parseInt).toArray();
        assertEquals(Shape.of(dims), d.data().shape());
        float[] want = floats(expected.get(1));
        assertArrayEquals(want, d.data().toFloat().toArray(), 1e-6f, name);
        assertEquals(5.0, d.metadata().sampleRate());
        assertEquals(name.endsWith("full") || name.equals("mono") ? "full" : "limited",
                d.metadata().properties().get(Y4mFormat.RANGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c444", "c444full"})
    void agreesWithFfmpegsOwnRgbConversionWithinAFewLevels(String name) throws Exception {
        DataFile d = y4m.read(fixture(name + ".y4m"));
        byte[] rgb = Files.readAllBytes(fixture(name + ".rgb24"));
        int plane = 35;
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    double ours = Math.min(1, Math.max(0, d.data().getDouble((c * 3 + f) * plane + i)));
                    double theirs = (rgb[(f * plane + i) * 3 + c] & 0xff) / 255.0;
                    // swscale's fixed-point conversion rounds differently
                    assertEquals(theirs, ours, 2.5 / 255, name + " frame " + f + " pixel " + i + " channel " + c);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c420", "c420full", "c422", "c444", "mono"})
    void writingWhatWasReadGivesBackFfmpegsPlanesByteForByte(String name) throws Exception {
        Path original = fixture(name + ".y4m");
        Path copy = dir.resolve(name + ".y4m");
        y4m.write(y4m.read(original), copy);
        assertArrayEquals(frames(Files.readAllBytes(original)), frames(Files.readAllBytes(copy)), name);
        String header = new String(Files.readAllBytes(copy), StandardCharsets.US_ASCII).split("\n")[0];
        assertTrue(header.startsWith("YUV4MPEG2 W7 H5 F5:1 Ip A1:1 C"), header);
    }

    @Test
    void colourIsWrittenAs444LimitedRangeUnlessThePropertiesSayOtherwise() throws Exception {
        float[] v = new float[3 * 2 * 2 * 2];
        Arrays.fill(v, 0.5f);
        Path plain = dir.resolve("plain.y4m");
        y4m.write(new DataFile("y4m", FloatNd.of(Shape.of(3, 2, 2, 2), v), Metadata.NONE.withSampleRate(30000 / 1001.0)),
                plain);
        assertEquals("YUV4MPEG2 W2 H2 F30000:1001 Ip A1:1 C444 XCOLORRANGE=LIMITED", firstLine(plain));
        Path sub = dir.resolve("sub.y4m");
        y4m.write(new DataFile("y4m", FloatNd.of(Shape.of(3, 2, 2, 2), v), Metadata.NONE.withSampleRate(24)
                .withProperties(Map.of(Y4mFormat.CHROMA, "420jpeg", Y4mFormat.RANGE, "full"))), sub);
        assertEquals("YUV4MPEG2 W2 H2 F24:1 Ip A1:1 C420jpeg XCOLORRANGE=FULL", firstLine(sub));
        // grey 0.5 in full range: Y = 127.5 rounds to 128, chroma neutral at 128
        byte[] b = Files.readAllBytes(sub);
        int frame = firstLine(sub).length() + 1 + 6;
        assertArrayEquals(new byte[] {(byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128},
                Arrays.copyOfRange(b, frame, frame + 6));
        assertEquals(30000 / 1001.0, y4m.read(plain).metadata().sampleRate(), 1e-12);
    }

    @Test
    void aCutLastFrameIsAnErrorNamingTheFrame() throws Exception {
        byte[] b = Files.readAllBytes(fixture("c420.y4m"));
        Path cut = dir.resolve("cut.y4m");
        Files.write(cut, Arrays.copyOf(b, b.length - 5));
        DataFileException e = assertThrows(DataFileException.class, () -> y4m.read(cut));
        assertTrue(e.getMessage().contains("frame 3 is truncated") && e.getMessage().contains("cut.y4m"), e.getMessage());
    }

    @Test
    void aHeaderDeclaringTheWrongWidthIsCaughtAtTheNextFrameMarker() throws Exception {
        String text = new String(Files.readAllBytes(fixture("c444.y4m")), StandardCharsets.ISO_8859_1);
        Path lying = dir.resolve("lying.y4m");
        Files.write(lying, text.replaceFirst(" W7 ", " W6 ").getBytes(StandardCharsets.ISO_8859_1));
        DataFileException e = assertThrows(DataFileException.class, () -> y4m.read(lying));
        assertTrue(e.getMessage().contains("frame 2: expected 'FRAME'"), e.getMessage());
    }

    @Test
    void hugeOrMissingSizesAndUnknownChromaAreRefusedNamingTheField() throws Exception {
        assertHeaderRejected("YUV4MPEG2 W100000 H100000 F25:1 C444\nFRAME\n", "'W' x 'H'");
        assertHeaderRejected("YUV4MPEG2 H5 F25:1 C444\nFRAME\n", "'W' (width) is missing");
        assertHeaderRejected("YUV4MPEG2 W7 H5 F25:1 C420p10\nFRAME\n", "'C' (chroma) is '420p10'");
        assertHeaderRejected("YUV4MPEG2 W7 H5 F25:0 C444\nFRAME\n", "'F' (frame rate)");
        assertHeaderRejected("YUV4MPEG2 W7 H5 C444\n", "no frames");
        assertHeaderRejected("YUV4MPEG2 W7 H5 C444", "header line has no end");
        assertHeaderRejected("YUV4MPEG W7 H5 C444\n", "not a YUV4MPEG2 file");
    }

    private void assertHeaderRejected(String content, String mention) throws IOException {
        Path p = dir.resolve("bad.y4m");
        Files.write(p, content.getBytes(StandardCharsets.US_ASCII));
        DataFileException e = assertThrows(DataFileException.class, () -> y4m.read(p), content);
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }

    @Test
    void channelCountsOtherThanOneOrThreeAreRefusedOnWrite() {
        DataFile rgba = new DataFile("y4m", FloatNd.zeros(Shape.of(4, 1, 2, 2)), Metadata.NONE);
        assertThrows(IllegalArgumentException.class, () -> y4m.write(rgba, dir.resolve("x.y4m")));
    }

    private static String firstLine(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII).split("\n")[0];
    }

    /** Everything after the header line: the FRAME markers and planes. */
    private static byte[] frames(byte[] file) {
        int nl = 0;
        while (file[nl] != '\n') {
            nl++;
        }
        return Arrays.copyOfRange(file, nl + 1, file.length);
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
