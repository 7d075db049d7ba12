package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files written by format version 1 (kept in {@code src/test/resources/models}) must keep
 * loading, with the architecture, metadata and tensors they were written with ({@link V1Models}
 * rebuilds them). Never regenerate these files: add new ones when the format changes.
 */
class ModelFileResourcesTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new IOException("test resource /models/" + name + " is missing");
            }
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void v1SequentialModelFileLoadsWithItsSpecMetadataAndWeights() throws IOException {
        LoadedModel loaded = ModelFile.load(resource("v1-mlp.ckpt"));
        assertEquals(V1Models.mlpSpec(), loaded.model().spec());
        assertEquals(V1Models.mlpMetadata(), loaded.metadata());
        Model expected = V1Models.build(V1Models.mlpSpec(), V1Models.MLP_SEED);
        ModelFileTest.assertSameTensors(expected.parameters(), loaded.model().parameters());
        ModelFileTest.assertSameTensors(expected.buffers(), loaded.model().buffers());
    }

    @Test
    void v1GraphModelFileLoadsWithItsSpecMetadataAndWeights() throws IOException {
        LoadedModel loaded = ModelFile.load(resource("v1-graph.ckpt"));
        assertEquals(V1Models.graphSpec(), loaded.model().spec());
        assertEquals(V1Models.graphMetadata(), loaded.metadata());
        Model expected = V1Models.build(V1Models.graphSpec(), V1Models.GRAPH_SEED);
        ModelFileTest.assertSameTensors(expected.parameters(), loaded.model().parameters());
        ModelFileTest.assertSameTensors(expected.buffers(), loaded.model().buffers());
    }

    @Test
    void v1ConvolutionalModelFileLoadsWithItsSpecMetadataAndWeights() throws IOException {
        LoadedModel loaded = ModelFile.load(resource("v1-cnn.ckpt"));
        assertEquals(V1Models.cnnSpec(), loaded.model().spec());
        assertEquals(V1Models.cnnMetadata(), loaded.metadata());
        Model expected = V1Models.build(V1Models.cnnSpec(), V1Models.CNN_SEED);
        ModelFileTest.assertSameTensors(expected.parameters(), loaded.model().parameters());
        ModelFileTest.assertSameTensors(expected.buffers(), loaded.model().buffers());
    }

    @Test
    void v1ModelFileRunsAForwardPass() throws IOException {
        LoadedModel loaded = ModelFile.load(resource("v1-mlp.ckpt"));
        int[] item = loaded.metadata().inputShape();
        var y = loaded.model().forward(V1Models.input(2, item, 1), Pass.eval(1));
        assertEquals(Shape.of(2, loaded.metadata().classNames().size()), y.shape());
    }

    /** Holds while version 1 is the written format; when it changes, keep the loading tests above. */
    @Test
    void v1ModelFilesAreRewrittenByteForByteWhileVersion1IsCurrent() throws IOException {
        assertEquals(1, ModelFile.FORMAT_VERSION);
        for (String name : new String[] {"v1-mlp.ckpt", "v1-graph.ckpt", "v1-cnn.ckpt"}) {
            Path p = resource(name);
            LoadedModel loaded = ModelFile.load(p);
            Path again = dir.resolve("again-" + name);
            ModelFile.save(again, loaded.model(), loaded.metadata());
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again), name);
        }
    }
}
