package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.domain.Metadata.Channel;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writing EDF+ and BDF+: what a read file becomes when written again, and the header the writer chooses. */
class EdfRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"edf, edf", "edf, bdf", "bdf, bdf"})
    void edflibFileWrittenAgainReadsToTheSameValuesRatesAndAnnotations(String from, String to) throws IOException {
        DataFile original = Domains.read(EdflibFixtures.copy(from, dir));
        Path out = dir.resolve("again." + to);
        Domains.write(original, out);
        DataFile back = Domains.read(out);
        assertArrayEquals(original.data().toDouble().toArray(), back.data().toDouble().toArray());
        assertEquals(original.metadata().channels(), back.metadata().channels());
        assertEquals(original.metadata().annotations(), back.metadata().annotations());
        assertEquals(original.metadata().sampleRate(), back.metadata().sampleRate());
        assertEquals(to.toUpperCase(java.util.Locale.ROOT) + "+C", back.metadata().properties().get("reserved"));
        assertEquals(original.metadata().properties().get("patient"), back.metadata().properties().get("patient"));
        assertEquals(original.metadata().properties().get("startdate"), back.metadata().properties().get("startdate"));
        assertEquals(original.metadata().properties().get("starttime"), back.metadata().properties().get("starttime"));
    }

    @Test
    void edfFileWrittenAgainKeepsItsSignalBytes() throws IOException {
        Path in = EdflibFixtures.copy("edf", dir);
        Path out = dir.resolve("again.edf");
        Domains.write(Domains.read(in), out);
        byte[] a = Files.readAllBytes(in);
        byte[] b = Files.readAllBytes(out);
        // EDFlib's signals 0-2 sit first in each record (64 + 32 + 8 samples); ours too
        int header = 256 * 5;
        int dataBytes = (64 + 32 + 8) * 2;
        int recordA = dataBytes + 57 * 2;
        int recordB = (b.length - header) / 3;
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < dataBytes; i++) {
                assertEquals(a[header + r * recordA + i], b[header + r * recordB + i], "record " + r + " byte " + i);
            }
        }
    }

    @Test
    void digitalRangeIsTheFullScaleOverTheDataRange() throws IOException {
        double[] x = {-100.5, 0, 250.25, 17.125};
        DataFile f = new DataFile("edf", DoubleNd.of(Shape.of(1, 4), x),
                Metadata.recording(4, List.of(new Channel("Cz", "uV", 4, 4))));
        Path out = dir.resolve("range.edf");
        Domains.write(f, out);
        byte[] b = Files.readAllBytes(out);
        int ns = 2;
        assertEquals("-100.5", field(b, 256 + 104 * ns, 8));
        assertEquals("250.25", field(b, 256 + 112 * ns, 8));
        assertEquals("-32768", field(b, 256 + 120 * ns, 8));
        assertEquals("32767", field(b, 256 + 128 * ns, 8));
        assertEquals("EDF Annotations", field(b, 256 + 16, 16));
        assertEquals("1", field(b, 244, 8));
        int data = 256 * (ns + 1);
        // the extremes map to the digital extremes, the rest to round((v - pmin) * 65535 / 350.75 - 32768)
        assertEquals(-32768, (short) (b[data] & 0xFF | b[data + 1] << 8));
        assertEquals(Math.round(100.5 * 65535 / 350.75 - 32768), (short) (b[data + 2] & 0xFF | b[data + 3] << 8));
        assertEquals(32767, (short) (b[data + 4] & 0xFF | b[data + 5] << 8));
        DataFile back = Domains.read(out);
        double step = 350.75 / 65535;
        for (int i = 0; i < 4; i++) {
            assertEquals(x[i], back.data().getDouble(i), step / 2);
        }
    }

    @Test
    void bdfQuantisesTo24Bits() throws IOException {
        double[] x = {-1, -0.3333333, 0.1234567, 1};
        DataFile f = new DataFile("bdf", DoubleNd.of(Shape.of(1, 4), x), Metadata.recording(2, List.of()));
        Path out = dir.resolve("fine.bdf");
        Domains.write(f, out);
        DataFile back = Domains.read(out);
        for (int i = 0; i < 4; i++) {
            assertEquals(x[i], back.data().getDouble(i), 2.0 / ((1 << 24) - 1) / 2);
        }
        assertEquals("8388607", field(Files.readAllBytes(out), 256 + 128 * 2, 8));
    }

    @Test
    void physicalLimitsAreRoundedOutwardsToEightCharacters() throws IOException {
        double[] x = {-123.456789123, 98765.4321987};
        DataFile f = new DataFile("edf", DoubleNd.of(Shape.of(1, 2), x), Metadata.recording(1, List.of()));
        Path out = dir.resolve("wide.edf");
        Domains.write(f, out);
        byte[] b = Files.readAllBytes(out);
        assertEquals("-123.457", field(b, 256 + 104 * 2, 8));
        assertEquals("98765.44", field(b, 256 + 112 * 2, 8));
    }

    @Test
    void rateWithoutWholeSamplesPerSecondGetsAShorterRecord() throws IOException {
        // 12.5 Hz: 1 s records would hold 12.5 samples; 0.2 s hold 2.5, 2 s hold 25
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        DataFile f = new DataFile("edf", DoubleNd.of(Shape.of(1, 50), x), Metadata.recording(12.5, List.of()));
        Path out = dir.resolve("slow.edf");
        Domains.write(f, out);
        byte[] b = Files.readAllBytes(out);
        assertEquals("2", field(b, 244, 8));
        assertEquals("2", field(b, 236, 8));
        DataFile back = Domains.read(out);
        assertEquals(12.5, back.metadata().sampleRate());
        assertEquals(Shape.of(1, 50), back.data().shape());
    }

    @Test
    void annotationsWithSharedOnsetsAndUnicodeRoundTrip() throws IOException {
        List<Annotation> events = List.of(new Annotation(-0.25, 0, "before start"), new Annotation(0.5, 1.5, "Schlaf ü"),
                new Annotation(0.5, 0, "second at 0.5"), new Annotation(2.75, 0.125, "end"));
        DataFile f = new DataFile("edf", DoubleNd.of(Shape.of(2, 12), new double[24]),
                new Metadata(4, List.of(), events, null, null, Map.of("start offset", "0.5")));
        Path out = dir.resolve("events.edf");
        Domains.write(f, out);
        DataFile back = Domains.read(out);
        assertEquals(events, back.metadata().annotations());
        assertEquals("0.5", back.metadata().properties().get("start offset"));
        String raw = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        assertTrue(raw.contains("+1\u0015" + "1.5\u0014Schlaf ü\u0014\u0000"), "onset written from the file start");
        assertTrue(raw.contains("+0.5\u0014\u0014\u0000"), "first record keeps time at the start offset");
    }

    private static String field(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.US_ASCII).strip();
    }
}
