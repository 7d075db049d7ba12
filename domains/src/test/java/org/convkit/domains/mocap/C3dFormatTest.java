package org.convkit.domains.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C3D reading against files written from the manual by a Python script, writing, and bad files. */
class C3dFormatTest {
    private static final C3dFormat C3D = new C3dFormat();

    @TempDir
    Path dir;

    private DataFile read(String fixture) throws IOException {
        return C3D.read(C3dFixtures.copy(fixture, dir));
    }

    /** Checks labels, rate, unit and every value (NaN for invalid points) against the generator's. */
    private static void assertMatchesFixture(String fixture, DataFile file, double tolerance) {
        JsonNode e = C3dFixtures.expected(fixture);
        List<String> labels = new ArrayList<>();
        e.get("labels").forEach(l -> labels.add(l.asText()));
        int frames = e.get("frames").asInt();
        assertEquals(List.of(3 * labels.size(), frames), Arrays.stream(file.data().shape().dims()).boxed().toList());
        assertEquals(e.get("rate").asDouble(), file.metadata().sampleRate());
        List<String> channels = new ArrayList<>();
        for (String l : labels) {
            channels.addAll(List.of(l + ".x", l + ".y", l + ".z"));
        }
        assertEquals(channels, file.metadata().channels().stream().map(Metadata.Channel::label).toList());
        assertTrue(file.metadata().channels().stream().allMatch(c -> c.unit().equals(e.get("unit").asText())));
        for (int f = 0; f < frames; f++) {
            for (int m = 0; m < labels.size(); m++) {
                JsonNode p = e.get("points").get(f).get(m);
                for (int a = 0; a < 3; a++) {
                    double got = file.data().getDouble((3 * m + a) * frames + f);
                    String where = fixture + " frame " + f + " marker " + m + " axis " + a;
                    if (p.isNull()) {
                        assertTrue(Double.isNaN(got), where + " should be NaN, got " + got);
                    } else {
                        assertEquals(p.get(a).asDouble(), got, tolerance, where);
                    }
                }
            }
        }
    }

    @Test
    void intelFloatFixtureReadsTheGeneratorsValues() throws IOException {
        assertMatchesFixture("float-intel", read("float-intel"), 0);
    }

    @Test
    void integerFixtureIsScaledByPointScale() throws IOException {
        DataFile f = read("int-intel");
        assertMatchesFixture("int-intel", f, 1e-9);
        assertEquals("int16", f.metadata().properties().get("c3d.storage"));
    }

    @Test
    void negativeResidualMakesTheWholePointNaN() throws IOException {
        DataFile f = read("float-intel"); // frame 2, marker 1 (LASI) is invalid
        int frames = f.data().shape().dim(1);
        for (int a = 0; a < 3; a++) {
            assertTrue(Double.isNaN(f.data().getDouble((3 + a) * frames + 2)));
        }
        assertEquals("1", f.metadata().properties().get("c3d.invalidPoints"));
    }

    @Test
    void analogSamplesAfterEachFrameAreSkipped() throws IOException {
        // 2 channels x 3 samples per frame (float) and 3 x 2 (int16) lie between the frames' points
        DataFile fl = read("float-intel");
        DataFile in = read("int-intel");
        assertEquals("2", fl.metadata().properties().get("c3d.analogChannels"));
        assertEquals("3", in.metadata().properties().get("c3d.analogChannels"));
        int frames = fl.data().shape().dim(1);
        JsonNode last = C3dFixtures.expected("float-intel").get("points").get(frames - 1).get(2);
        assertEquals(last.get(2).asDouble(), fl.data().getDouble(8 * frames + frames - 1));
    }

    @Test
    void decFloatsAreConverted() throws IOException {
        DataFile f = read("float-dec");
        assertMatchesFixture("float-dec", f, 0);
        assertEquals("dec", f.metadata().properties().get("c3d.processor"));
    }

    @Test
    void decFloatOneIsExponent129() {
        assertEquals(1.0, C3dProcessor.decFloat(0x40800000));
        assertEquals(-0.75, C3dProcessor.decFloat(0xC0400000));
        assertEquals(0.0, C3dProcessor.decFloat(0));
    }

    @Test
    void mipsBigEndianFileIsRead() throws IOException {
        assertMatchesFixture("float-mips", read("float-mips"), 0);
    }

    @Test
    void frameCountTheHeaderCannotHoldComesFromTrialFields() throws IOException {
        assertMatchesFixture("trial-frames", read("trial-frames"), 0); // header last frame 65535
    }

    @Test
    void eventsBecomeAnnotationsTimedFromTheFirstFrame() throws IOException {
        List<Metadata.Annotation> got = read("float-intel").metadata().annotations();
        JsonNode e = C3dFixtures.expected("float-intel").get("events");
        assertEquals(e.size(), got.size());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).get("onset").asDouble(), got.get(i).onset(), 1e-12);
            assertEquals(e.get(i).get("description").asText(), got.get(i).description());
        }
    }

    @Test
    void writtenFileReadsBackWithLabelsRateUnitEventsAndGaps() throws IOException {
        DataFile original = read("float-intel");
        Path out = dir.resolve("out.c3d");
        C3D.write(original, out);
        DataFile back = C3D.read(out);
        assertMatchesFixture("float-intel", back, 0);
        List<Metadata.Annotation> a = original.metadata().annotations();
        List<Metadata.Annotation> b = back.metadata().annotations();
        assertEquals(a.stream().map(Metadata.Annotation::description).toList(),
                b.stream().map(Metadata.Annotation::description).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).onset(), b.get(i).onset(), 1e-6, "event times are float32 in C3D");
        }
    }

    @Test
    void writerMakesIntelFloatPointsOnly() throws IOException {
        Path out = dir.resolve("out.c3d");
        C3D.write(read("int-intel"), out);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.capacity() % 512);
        assertEquals(0x50, b.get(1));
        assertEquals(84, b.get(512 + 3));
        assertEquals(0, b.getShort(4), "analog values per frame");
        assertTrue(b.getFloat(12) < 0, "scale must be negative for float data");
        DataFile back = C3D.read(out);
        assertEquals("float", back.metadata().properties().get("c3d.storage"));
        assertMatchesFixture("int-intel", back, 1e-3); // float32 of values below 4096
    }

    @Test
    void moreThan255MarkersAndMoreThan65535FramesRoundTrip() throws IOException {
        int markers = 300;
        int frames = 3;
        double[] v = new double[3 * markers * frames];
        List<Metadata.Channel> ch = new ArrayList<>();
        for (int m = 0; m < markers; m++) {
            for (String a : MocapChannels.AXES) {
                ch.add(new Metadata.Channel("Marker" + m + "." + a, "mm", 50, frames));
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5;
        }
        Path wide = dir.resolve("wide.c3d");
        C3D.write(new DataFile("x", DoubleNd.of(Shape.of(3 * markers, frames), v), Metadata.recording(50, ch)), wide);
        DataFile back = C3D.read(wide);
        assertEquals(ch.stream().map(Metadata.Channel::label).toList(),
                back.metadata().channels().stream().map(Metadata.Channel::label).toList(), "LABELS then LABELS2");
        assertArrayEquals(v, back.data().toDouble().toArray());

        int longFrames = 70_000; // beyond the header's 16-bit last frame: TRIAL:ACTUAL_END_FIELD carries it
        double[] w = new double[3 * longFrames];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 1000;
        }
        Path longFile = dir.resolve("long.c3d");
        C3D.write(new DataFile("x", DoubleNd.of(Shape.of(3, longFrames), w), Metadata.recording(1000, List.of())),
                longFile);
        DataFile longBack = C3D.read(longFile);
        assertEquals(Shape.of(3, longFrames), longBack.data().shape());
        assertArrayEquals(w, longBack.data().toDouble().toArray());
        assertEquals("M1.x", longBack.metadata().channels().get(0).label());
    }

    @Test
    void parameterDimensionsBeyondTheirEntryAreRejected() throws IOException {
        // POINT:USED's dimension count (section byte 4 + 2 + 4 + 2 + 1) set to 2 with dimensions 255 x 255
        Path f = corrupt(512 + 13, (byte) 2, (byte) 255, (byte) 255);
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(f));
        assertTrue(e.getMessage().contains("parameter USED: dimensions [255, 255] of type 2 need 130050 bytes"),
                e.getMessage());
    }

    @Test
    void headerShorterThanABlockIsRejectedNamingTheFile() throws IOException {
        byte[] all = C3dFixtures.bytes("float-intel");
        for (int keep : new int[] {0, 100, 511}) {
            Path cut = dir.resolve("cut" + keep + ".c3d");
            Files.write(cut, Arrays.copyOf(all, keep));
            DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(cut));
            assertTrue(e.getMessage().contains("cut" + keep + ".c3d") && e.getMessage().contains("header"), e.getMessage());
        }
    }

    @Test
    void fileCutInTheDataIsRejectedNamingTheFrames() throws IOException {
        byte[] all = C3dFixtures.bytes("float-intel");
        int dataByte = C3dFixtures.expected("float-intel").get("dataByte").asInt();
        Path cut = dir.resolve("cut.c3d");
        Files.write(cut, Arrays.copyOf(all, dataByte + 100));
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(cut));
        assertTrue(e.getMessage().contains("frames") && e.getMessage().contains("file holds"), e.getMessage());
    }

    @Test
    void fileCutInTheParametersIsRejectedNamingTheSection() throws IOException {
        byte[] all = C3dFixtures.bytes("float-intel");
        Path cut = dir.resolve("cut.c3d");
        Files.write(cut, Arrays.copyOf(all, 512 + 300));
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(cut));
        assertTrue(e.getMessage().contains("parameter section block count"), e.getMessage());
    }

    @Test
    void wrongKeyIsRejectedNamingTheField() throws IOException {
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(corrupt(1, (byte) 0x51)));
        assertTrue(e.getMessage().contains("key byte is 0x51"), e.getMessage());
    }

    @Test
    void lyingFrameCountIsRejectedBeforeAllocating() throws IOException {
        // header last frame (word 5) raised from 16 to 60000: far more frames than the file holds
        Path f = corrupt(8, (byte) 0x60, (byte) 0xEA);
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(f));
        assertTrue(e.getMessage().contains("header frames 11..60000") && e.getMessage().contains("file holds"),
                e.getMessage());
    }

    @Test
    void unknownProcessorIsRejectedNamingTheField() throws IOException {
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(corrupt(512 + 3, (byte) 87)));
        assertTrue(e.getMessage().contains("processor type is 87"), e.getMessage());
    }

    @Test
    void pointCountDisagreeingWithPointUsedIsRejected() throws IOException {
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(corrupt(2, (byte) 4)));
        assertTrue(e.getMessage().contains("POINT:USED is 3 but header word 2"), e.getMessage());
    }

    @Test
    void parameterOffsetBeyondTheSectionIsRejected() throws IOException {
        // the first entry (POINT:USED, name length 4) has its offset at section byte 4 + 2 + 4
        Path f = corrupt(512 + 10, (byte) 0xFF, (byte) 0x7F);
        DataFileException e = assertThrows(DataFileException.class, () -> C3D.read(f));
        assertTrue(e.getMessage().contains("parameter USED: offset to the next entry is 32767"), e.getMessage());
    }

    @Test
    void recognisesByNameOrByHeaderButNotPng() throws IOException {
        byte[] head = Arrays.copyOf(C3dFixtures.bytes("float-intel"), 512);
        assertTrue(C3D.recognises(Path.of("a.c3d"), new byte[0]));
        assertTrue(C3D.recognises(Path.of("capture.bin"), head));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertFalse(C3D.recognises(Path.of("image.png"), png));
    }

    /** float-intel.c3d with {@code values} written from byte {@code at}. */
    private Path corrupt(int at, byte... values) throws IOException {
        byte[] b = C3dFixtures.bytes("float-intel");
        System.arraycopy(values, 0, b, at, values.length);
        Path f = dir.resolve("corrupt.c3d");
        Files.write(f, b);
        return f;
    }
}
