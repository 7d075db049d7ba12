package org.convkit.domains.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFormatTest {

    private static final NpyFormat NPY = new NpyFormat();

    @TempDir
    Path dir;

    private static Path numpyFile() throws URISyntaxException {
        // numpy.save of numpy.random.default_rng(2026).standard_normal(101), made by ref/make-references.py
        return Path.of(NpyFormatTest.class.getResource("/org/convkit/domains/audio/ref/resample-x.npy").toURI());
    }

    @Test
    void readsAFileNumpyWroteWithNoMetadata() throws Exception {
        DataFile f = NPY.read(numpyFile());
        assertEquals("npy", f.format());
        assertEquals(Shape.of(101), f.data().shape());
        assertEquals(DType.FLOAT64, f.data().dtype());
        assertEquals(Metadata.NONE, f.metadata());
    }

    @Test
    void writesAnyRankAndDtypeBackUnchanged() throws IOException {
        FloatNd a = FloatNd.of(Shape.of(1, 2, 3), 1, 2, 3, 4, 5, 6.5f);
        Path p = dir.resolve("a.npy");
        NPY.write(new DataFile("x", a, Metadata.NONE), p);
        DataFile back = NPY.read(p);
        assertEquals(DType.FLOAT32, back.data().dtype());
        assertEquals(a.shape(), back.data().shape());
        assertArrayEquals(a.toArray(), back.data().toFloat().toArray());
    }

    @Test
    void isRegisteredAndRecognisedByMagicOrName() throws Exception {
        assertTrue(Domains.formats().stream().anyMatch(f -> f.name().equals("npy")));
        Path renamed = dir.resolve("data.bin");
        Files.copy(numpyFile(), renamed);
        assertEquals("npy", Domains.formatFor(renamed, Domains.formats()).name());
        assertTrue(NPY.recognises(dir.resolve("x.npy"), new byte[0]));
        assertFalse(NPY.recognises(dir.resolve("x.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7}));
    }

    @Test
    void aFileWithTheNameButNotTheMagicIsRejectedNamingIt() throws IOException {
        Path p = dir.resolve("fake.npy");
        Files.write(p, new byte[] {'n', 'o', 't', ' ', 'n', 'p', 'y', '!', 0, 0});
        DataFileException e = assertThrows(DataFileException.class, () -> NPY.read(p));
        assertTrue(e.getMessage().contains("fake.npy"), e.getMessage());
    }
}
