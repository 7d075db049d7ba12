package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model file format, on models that have only specs and parameters ({@link SpecOnlyModel}),
 * so the format is tested apart from the layers.
 */
class ModelFileTest {

    @TempDir
    Path dir;

    private Path saved(String name, ModelSpec spec) throws IOException {
        Path p = dir.resolve(name);
        ModelFile.save(p, SpecOnlyModel.random(spec, 5), ModelMetadataTest.full());
        return p;
    }

    private static LoadedModel load(Path p) throws IOException {
        return ModelFile.load(p, SpecOnlyModel::new);
    }

    private String loadError(Path p) {
        String m = assertThrows(DataFileException.class, () -> load(p)).getMessage();
        assertTrue(m.startsWith(p.toString() + ": "), m);
        return m;
    }

    @Test
    void saveLoadSaveGivesAByteIdenticalFile() throws IOException {
        Path a = saved("a.ckpt", ModelSpecs.lenet());
        LoadedModel loaded = load(a);
        Path b = dir.resolve("b.ckpt");
        ModelFile.save(b, loaded.model(), loaded.metadata());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void graphModelSaveLoadSaveGivesAByteIdenticalFile() throws IOException {
        Path a = saved("a.ckpt", ModelSpecs.residualWithSkip());
        LoadedModel loaded = load(a);
        Path b = dir.resolve("b.ckpt");
        ModelFile.save(b, loaded.model(), loaded.metadata());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void loadedModelHasTheSavedSpecWeightsBuffersAndMetadata() throws IOException {
        SpecOnlyModel m = SpecOnlyModel.random(ModelSpecs.lenet(), 9);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, ModelMetadataTest.bare());
        LoadedModel loaded = load(p);
        assertEquals(m.spec(), loaded.model().spec());
        assertEquals(ModelMetadataTest.bare(), loaded.metadata());
        assertSameTensors(m.parameters(), loaded.model().parameters());
        assertSameTensors(m.buffers(), loaded.model().buffers());
        assertFalse(loaded.model().buffers().isEmpty());
    }

    static void assertSameTensors(Map<String, Parameter> expected, Map<String, Parameter> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        for (var e : expected.entrySet()) {
            Parameter q = actual.get(e.getKey());
            assertEquals(e.getValue().shape(), q.shape(), e.getKey());
            assertArrayEquals(e.getValue().value().toArray(), q.value().toArray(), e.getKey());
        }
    }

    @Test
    void everyParameterAndBufferIsAnNpyEntryNumpyReads() throws IOException {
        SpecOnlyModel m = SpecOnlyModel.random(ModelSpecs.lenet(), 3);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, ModelMetadataTest.bare());
        Map<String, byte[]> entries = Archives.entries(p);
        Map<String, Parameter> all = new java.util.LinkedHashMap<>(m.parameters());
        all.putAll(m.buffers());
        for (var e : all.entrySet()) {
            Archives.Npy npy = Archives.parseFloat32Npy(entries.get("weights/" + e.getKey() + ".npy"));
            assertArrayEquals(e.getValue().shape().dims(), npy.shape(), e.getKey());
            assertArrayEquals(e.getValue().value().toArray(), npy.values(), e.getKey());
        }
    }

    @Test
    void entriesAreModelJsonThenParametersThenBuffersInModelOrder() throws IOException {
        SpecOnlyModel m = SpecOnlyModel.random(ModelSpecs.lenet(), 3);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, ModelMetadataTest.bare());
        List<String> expected = new ArrayList<>(List.of("model.json"));
        m.parameters().keySet().forEach(k -> expected.add("weights/" + k + ".npy"));
        m.buffers().keySet().forEach(k -> expected.add("weights/" + k + ".npy"));
        assertEquals(expected, new ArrayList<>(Archives.entries(p).keySet()));
    }

    @Test
    void modelJsonIsPlainJsonWithoutJavaTypeIds() throws IOException {
        String json = Archives.text(Archives.entries(saved("m.ckpt", ModelSpecs.lenet())).get("model.json"));
        assertFalse(json.contains("@class") || json.contains("org.convkit") || json.contains("\r"), json);
        assertTrue(json.startsWith("{\n  \"formatVersion\" : 1,\n  \"architecture\" : {"), json);
    }

    @Test
    void fileBytesDoNotDependOnTheTimeZone() throws IOException {
        Path a = saved("a.ckpt", ModelSpecs.lenet());
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Path b = saved("b.ckpt", ModelSpecs.lenet());
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void fileOfANewerFormatVersionIsRefusedNamingBothVersions() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> e.put("model.json", Archives.text(e.get("model.json"))
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 2").getBytes(StandardCharsets.UTF_8)));
        String m = loadError(p);
        assertTrue(m.contains("format version 2; this convkit reads up to 1"), m);
    }

    @Test
    void truncatedFileIsADataFileExceptionNamingTheFile() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length / 2));
        assertTrue(loadError(p).contains("zip"));
    }

    @Test
    void fileThatIsNotAZipIsADataFileException() throws IOException {
        Path p = dir.resolve("m.ckpt");
        Files.writeString(p, "{\"formatVersion\": 1}");
        loadError(p);
    }

    @Test
    void missingWeightEntryIsNamed() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> e.remove("weights/linear9.bias.npy"));
        assertTrue(loadError(p).contains("lacks the entry weights/linear9.bias.npy"));
    }

    @Test
    void weightOfTheWrongShapeNamesEntryAndBothShapes() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Path other = saved("other.ckpt", SequentialSpec.of(ModelSpecs.lenet().layers().get(0).spec(),
                ModelSpecs.lenet().layers().get(1).spec(), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                ConvLayerSpec.of(2, 6, 16, 3, Padding.valid())));
        byte[] wrong = Archives.entries(other).get("weights/conv5.weight.npy");
        Archives.edit(p, e -> e.put("weights/conv5.weight.npy", wrong));
        String m = loadError(p);
        assertTrue(m.contains("weights/conv5.weight.npy") && m.contains(Shape.of(16, 6, 3, 3).toString())
                && m.contains(Shape.of(16, 6, 5, 5).toString()), m);
    }

    @Test
    void badJsonNamesModelJsonAndThePosition() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> e.put("model.json", "{\"formatVersion\": 1, \"architecture\": [".getBytes(
                StandardCharsets.UTF_8)));
        String m = loadError(p);
        assertTrue(m.contains("model.json is not valid JSON") && m.contains("line 1"), m);
    }

    @Test
    void invalidArchitectureNamesTheLayerAndField() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> e.put("model.json", Archives.text(e.get("model.json"))
                .replace("\"inFeatures\" : 400", "\"inFeatures\" : \"400\"").getBytes(StandardCharsets.UTF_8)));
        String m = loadError(p);
        assertTrue(m.contains("'linear9'") && m.contains("'inFeatures'"), m);
    }

    @Test
    void weightEntryMatchingNoParameterIsRefused() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> e.put("weights/conv1.extra.npy", e.get("weights/conv1.bias.npy")));
        assertTrue(loadError(p).contains("weights/conv1.extra.npy matches no parameter"));
    }

    @Test
    void parameterListThatDisagreesWithTheArchitectureIsRefused() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> e.put("model.json", Archives.text(e.get("model.json"))
                .replace("\"conv1.bias\", ", "").getBytes(StandardCharsets.UTF_8)));
        String m = loadError(p);
        assertTrue(m.contains("lists parameters") && m.contains("conv1.bias"), m);
    }

    @Test
    void damagedEntryBytesAreDetectedByTheirChecksum() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        byte[] b = Files.readAllBytes(p);
        byte[] name = "weights/linear9.weight.npy".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(b, name) + name.length + 1000;
        b[at] ^= 0x10;
        Files.write(p, b);
        assertTrue(loadError(p).contains("weights/linear9.weight.npy is damaged"));
    }

    @Test
    void float64WeightIsRefusedNamingTheEntry() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        Archives.edit(p, e -> {
            try {
                var out = new java.io.ByteArrayOutputStream();
                org.convkit.api.io.Npy.write(out, org.convkit.api.nd.DoubleNd.zeros(org.convkit.api.nd.Shape.of(6)));
                e.put("weights/conv1.bias.npy", out.toByteArray());
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        });
        String m = loadError(p);
        assertTrue(m.contains("weights/conv1.bias.npy") && m.contains("float32"), m);
    }

    @Test
    void failedSaveLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path p = saved("m.ckpt", ModelSpecs.lenet());
        byte[] before = Files.readAllBytes(p);
        Model unsaveable = new SpecOnlyModel(ModelSpecs.lenet()) {
            @Override
            public Map<String, Parameter> buffers() {
                throw new IllegalStateException("simulated failure while collecting tensors");
            }
        };
        assertThrows(IllegalStateException.class, () -> ModelFile.save(p, unsaveable, ModelMetadataTest.bare()));
        assertArrayEquals(before, Files.readAllBytes(p));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
