package org.convkit.api.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.convkit.api.io.Idx;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {

    static Path subset() {
        try {
            return Path.of(IdxFolderTest.class.getResource("/mnist-subset").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bundledSubsetLoadsAsOneChannelImagesInTheUnitRange() throws IOException {
        IdxFolder f = IdxFolder.load(subset());
        assertEquals(Shape.of(2000, 1, 28, 28), f.train().features().shape());
        assertEquals(Shape.of(500, 1, 28, 28), f.test().features().shape());
        assertEquals(Dataset.indexNames(10), f.train().classNames());
        for (float v : f.train().features().data()) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void featuresAndLabelsMatchTheRawFiles() throws IOException {
        IdxFolder f = IdxFolder.load(subset());
        Idx.Bytes images = Idx.read(subset().resolve("t10k-images-idx3-ubyte.gz"));
        Idx.Bytes labels = Idx.read(subset().resolve("t10k-labels-idx1-ubyte.gz"));
        for (int i = 0; i < images.data().length; i += 97) {
            assertEquals(images.unsigned(i) / 255f, f.test().features().data()[i]);
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(labels.unsigned(i), f.test().label(i));
        }
    }

    @Test
    void missingFileNamesBothSpellings(@TempDir Path dir) throws IOException {
        Files.copy(subset().resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-images-idx3-ubyte.gz"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxFolder.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
    }
}
