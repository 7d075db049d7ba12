package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.cli.testdomain.TestSignalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info FILE, convert and plugins over the domains found (here the test domain). */
class FileCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path recording() throws IOException {
        // channel 1: 0..9, channel 2: 10 x (0..9)
        double[] v = new double[20];
        for (int i = 0; i < 10; i++) {
            v[i] = i;
            v[10 + i] = 10 * i;
        }
        Path f = dir.resolve("rec.tsig");
        return TestSignalFormat.write(f, DoubleNd.of(Shape.of(2, 10), v));
    }

    @Test
    void infoJsonHasExactlyTheDocumentedFields() throws IOException {
        Cli r = Cli.run("info", recording().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("format", "shape", "sampleRate", "channels", "annotations", "voxelSize", "min", "max",
                "mean"), fields);
        List<String> channelFields = new ArrayList<>();
        j.get("channels").get(0).fieldNames().forEachRemaining(channelFields::add);
        assertEquals(List.of("label", "sampleRate", "unit", "samples", "min", "max", "mean"), channelFields);
    }

    @Test
    void infoJsonValuesArePerChannelStatistics() throws IOException {
        JsonNode j = JSON.readTree(Cli.run("info", recording().toString(), "--json").out());
        assertEquals("test-sig", j.get("format").asText());
        assertEquals("[2,10]", j.get("shape").toString());
        assertEquals(128.0, j.get("sampleRate").asDouble());
        JsonNode c2 = j.get("channels").get(1);
        assertEquals("c2", c2.get("label").asText());
        assertEquals(10, c2.get("samples").asInt());
        assertEquals(0.0, c2.get("min").asDouble());
        assertEquals(90.0, c2.get("max").asDouble());
        assertEquals(45.0, c2.get("mean").asDouble(), 1e-12);
        assertEquals(4.5, j.get("channels").get(0).get("mean").asDouble(), 1e-12);
        assertEquals(24.75, j.get("mean").asDouble(), 1e-12);
        assertTrue(j.get("voxelSize").isNull());
        assertEquals(0, j.get("annotations").size());
    }

    @Test
    void infoTextListsTheChannels() throws IOException {
        Cli r = Cli.run("info", recording().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("format       test-sig") && r.out().contains("c2") && r.out().contains("128 Hz"),
                r.out());
    }

    @Test
    void infoWithoutAFileStillPrintsTheMachine() {
        Cli r = Cli.run("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cores"), r.out());
    }

    @Test
    void convertRoundTripsThroughTheFormatTheExtensionNames() throws IOException {
        Path in = recording();
        Path out = dir.resolve("copy.tsig");
        Cli r = Cli.run("convert", in.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new TestSignalFormat().read(in).data().toDouble().toArray(),
                new TestSignalFormat().read(out).data().toDouble().toArray());
    }

    @Test
    void convertToAnExtensionNoFormatWritesIsBadInputAndWritesNothing() throws IOException {
        Path out = dir.resolve("copy.xyz");
        Cli r = Cli.run("convert", recording().toString(), out.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("copy.xyz"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void pluginsListsTheDomainWithItsFormats() {
        Cli r = Cli.run("plugins");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("domains ("), r.out());
        assertTrue(r.out().contains("test-signal") && r.out().contains("1d") && r.out().contains("many channels"), r.out());
        assertTrue(r.out().contains("test-sig") && r.out().contains("rw") && r.out().contains(".tsig"), r.out());
    }
}
