package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * train, evaluate, predict, convert and info in-process on every real domain found, on files each
 * domain's synthetic data writes in its first writable format, a folder per class. Two epochs on a
 * few files: the commands must work end to end; accuracy is only checked to be a share.
 */
class DomainEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Few files per class: the ct volumes and video clips are large. */
    private static final int FILES_PER_CLASS = 3;

    @TempDir
    Path dir;

    /** The real domains: every one found but the cli tests' own test-signal domain. */
    static Stream<String> domains() {
        return Domains.all().stream().map(Domain::name).filter(n -> !n.equals("test-signal"));
    }

    static FileFormat firstWritable(Domain d) {
        return d.formats().stream().filter(FileFormat::canWrite).findFirst().orElseThrow(
                () -> new AssertionError(d.name() + " has no writable format"));
    }

    /** Writes FILES_PER_CLASS synthetic files of each class into data/CLASS/; returns one of them. */
    static Path writeClassFolders(Domain d, Path data) throws IOException {
        String ext = firstWritable(d).extensions().get(0);
        List<String> classes = d.syntheticClasses();
        Path one = null;
        for (int label = 0; label < classes.size(); label++) {
            Path folder = Files.createDirectories(data.resolve(classes.get(label)));
            for (int i = 0; i < FILES_PER_CLASS; i++) {
                Path f = folder.resolve("s" + i + "." + ext);
                d.write(d.syntheticFile(label, 1000L * label + i), f);
                one = one == null ? f : one;
            }
        }
        return one;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void trainEvaluatePredictConvertAndInfoWorkOnTheDomainsOwnFiles(String name) throws IOException {
        Domain d = Domains.named(name);
        List<String> classes = d.syntheticClasses();
        Path data = dir.resolve("data");
        Path one = writeClassFolders(d, data);
        Path model = dir.resolve("m.ckpt");

        Cli train = Cli.run("train", "--domain", name, "--data", data.toString(), "--epochs", "2", "--batch", "16",
                "--threads", "2", "--quiet", "-o", model.toString());
        assertEquals(0, train.code(), name + ": " + train.err());
        assertTrue(Files.isRegularFile(model), name);

        Cli eval = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--json");
        assertEquals(0, eval.code(), name + ": " + eval.err());
        JsonNode e = JSON.readTree(eval.out());
        double accuracy = e.get("accuracy").asDouble(-1);
        assertTrue(accuracy >= 0 && accuracy <= 1, name + ": " + eval.out());
        assertEquals(classes.size(), e.get("confusion").size(), name);
        int total = 0;
        for (JsonNode row : e.get("confusion")) {
            assertEquals(classes.size(), row.size(), name);
            for (JsonNode v : row) {
                total += v.asInt();
            }
        }
        assertEquals(e.get("samples").asInt(), total, name + ": " + eval.out());
        assertTrue(total >= classes.size() * FILES_PER_CLASS, name + ": at least a sample per file");

        Cli predict = Cli.run("predict", "--model", model.toString(), one.toString(), "--json");
        assertEquals(0, predict.code(), name + ": " + predict.err());
        JsonNode file = JSON.readTree(predict.out()).get("files").get(0);
        assertTrue(classes.contains(file.get("class").asText()), name + ": " + predict.out());

        Path npy = dir.resolve("one.npy");
        Cli convert = Cli.run("convert", one.toString(), npy.toString());
        assertEquals(0, convert.code(), name + ": " + convert.err());
        JsonNode original = InfoToolFixturesTest.info(one);
        JsonNode converted = InfoToolFixturesTest.info(npy);
        assertEquals("npy", converted.get("format").asText());
        assertEquals(original.get("shape"), converted.get("shape"), name);
        assertEquals(original.get("min").asDouble(), converted.get("min").asDouble(), 1e-6, name);
        assertEquals(original.get("max").asDouble(), converted.get("max").asDouble(), 1e-6, name);
        assertFalse(converted.get("mean").isNull(), name);
    }
}
