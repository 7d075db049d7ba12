package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.api.nd.FloatNd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files of models built with the real layers ({@link Model#build}). */
class ModelFileRealLayersTest {

    @TempDir
    Path dir;

    @Test
    void sequentialModelSaveLoadSaveGivesAByteIdenticalFile() throws IOException {
        Path a = dir.resolve("a.ckpt");
        ModelFile.save(a, V1Models.build(V1Models.mlpSpec(), 1), V1Models.mlpMetadata());
        LoadedModel loaded = ModelFile.load(a);
        Path b = dir.resolve("b.ckpt");
        ModelFile.save(b, loaded.model(), loaded.metadata());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void graphModelSaveLoadSaveGivesAByteIdenticalFile() throws IOException {
        Path a = dir.resolve("a.ckpt");
        ModelFile.save(a, V1Models.build(V1Models.graphSpec(), 2), V1Models.graphMetadata());
        LoadedModel loaded = ModelFile.load(a);
        Path b = dir.resolve("b.ckpt");
        ModelFile.save(b, loaded.model(), loaded.metadata());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void loadedSequentialModelComputesTheSameOutputsBitForBit() throws IOException {
        Model m = V1Models.build(V1Models.mlpSpec(), 3);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, V1Models.mlpMetadata());
        Model back = ModelFile.load(p).model();
        FloatNd x = V1Models.input(5, new int[] {1, 4, 3}, 4);
        assertArrayEquals(m.forward(x, Pass.eval(1)).toArray(), back.forward(x, Pass.eval(1)).toArray());
    }

    @Test
    void loadedGraphModelComputesTheSameOutputsBitForBit() throws IOException {
        Model m = V1Models.build(V1Models.graphSpec(), 5);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, V1Models.graphMetadata());
        Model back = ModelFile.load(p).model();
        FloatNd x = V1Models.input(4, new int[] {6}, 6);
        assertArrayEquals(m.forward(x, Pass.eval(1)).toArray(), back.forward(x, Pass.eval(1)).toArray());
    }

    @Test
    void convolutionalModelSaveLoadSaveGivesAByteIdenticalFile() throws IOException {
        Path a = dir.resolve("a.ckpt");
        ModelFile.save(a, V1Models.build(V1Models.cnnSpec(), 12), V1Models.cnnMetadata());
        LoadedModel loaded = ModelFile.load(a);
        Path b = dir.resolve("b.ckpt");
        ModelFile.save(b, loaded.model(), loaded.metadata());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void loadedConvolutionalModelComputesTheSameOutputsBitForBit() throws IOException {
        Model m = V1Models.build(V1Models.cnnSpec(), 13);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, V1Models.cnnMetadata());
        Model back = ModelFile.load(p).model();
        FloatNd x = V1Models.input(3, new int[] {1, 8, 8}, 14);
        assertArrayEquals(m.forward(x, Pass.eval(1)).toArray(), back.forward(x, Pass.eval(1)).toArray());
    }

    @Test
    void runningStatisticsUpdatedByTrainingAreSaved() throws IOException {
        Model m = V1Models.build(V1Models.mlpSpec(), 7);
        m.forward(V1Models.input(8, new int[] {1, 4, 3}, 8), Pass.train(1, 9));
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, V1Models.mlpMetadata());
        Model back = ModelFile.load(p).model();
        ModelFileTest.assertSameTensors(m.buffers(), back.buffers());
        assertNotEquals(0, back.buffers().size());
    }

    @Test
    void loadedParametersAreSeparateFromTheSavedModel() throws IOException {
        Model m = V1Models.build(V1Models.mlpSpec(), 10);
        Path p = dir.resolve("m.ckpt");
        ModelFile.save(p, m, V1Models.mlpMetadata());
        Model back = ModelFile.load(p).model();
        float before = back.parameters().get("linear2.weight").value().data()[0];
        m.parameters().get("linear2.weight").value().data()[0] += 1f;
        assertEquals(before, back.parameters().get("linear2.weight").value().data()[0]);
    }
}
