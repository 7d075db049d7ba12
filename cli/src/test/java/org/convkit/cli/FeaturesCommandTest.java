package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.io.Csv;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.transfer.Features;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {

    @TempDir
    Path dir;

    private final List<FloatNd> inputs = new ArrayList<>();

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeEach
    void modelAndThreeInputs() throws IOException {
        TinyModels.save(dir.resolve("m.ckpt"), 1, 5, 5);
        Files.createDirectories(dir.resolve("data"));
        for (int i = 0; i < 3; i++) {
            inputs.add(TinyModels.random(i, 1, 5, 5));
            Npy.write(dir.resolve("data/in" + i + ".npy"), inputs.get(i));
        }
    }

    private FloatNd expected(String layer, List<FloatNd> xs) throws IOException {
        LoadedModel loaded = ModelFile.load(dir.resolve("m.ckpt"));
        return Features.extract(loaded.model(), layer, xs, 8, 1);
    }

    @Test
    void npyFolderGivesOneRowPerInputInNameOrder() throws IOException {
        Cli r = Cli.run("features", "-m", path("m.ckpt"), "--layer", "relu1", path("data"), "-o", path("f.npy"));
        assertEquals(0, r.code(), r.err());
        FloatNd got = Npy.read(dir.resolve("f.npy")).toFloat();
        assertEquals(Shape.of(3, 50), got.shape());
        assertArrayEquals(expected("relu1", inputs).toArray(), got.toArray());
    }

    @Test
    void csvHasOneLinePerInput() throws IOException {
        Cli r = Cli.run("features", "-m", path("m.ckpt"), "--layer", "fc", path("data"), "-o", path("f.csv"),
                "--batch", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, Files.readAllLines(dir.resolve("f.csv")).size());
        assertArrayEquals(expected("fc", inputs).toArray(), Csv.read(dir.resolve("f.csv")).toFloat().toArray());
    }

    @Test
    void idxFolderIsRead() throws IOException {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        byte[] pixels = new byte[2 * 25];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 5);
        }
        idx(idx.resolve("train-images-idx3-ubyte"), pixels, 2, 5, 5);
        idx(idx.resolve("train-labels-idx1-ubyte"), new byte[] {0, 1}, 2);
        idx(idx.resolve("t10k-images-idx3-ubyte"), pixels, 2, 5, 5);
        idx(idx.resolve("t10k-labels-idx1-ubyte"), new byte[] {1, 0}, 2);
        Cli r = Cli.run("features", "-m", path("m.ckpt"), "--layer", "conv1", path("idx"), "--part", "test",
                "-o", path("f.npy"));
        assertEquals(0, r.code(), r.err());
        float[] scaled = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            scaled[i] = (pixels[i] & 255) / 255f;
        }
        FloatNd x = FloatNd.of(Shape.of(2, 1, 5, 5), scaled);
        LoadedModel loaded = ModelFile.load(dir.resolve("m.ckpt"));
        assertArrayEquals(Features.extract(loaded.model(), "conv1", x, 8, 1).toArray(),
                Npy.read(dir.resolve("f.npy")).toFloat().toArray());
    }

    private static void idx(Path file, byte[] data, int... dims) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    @Test
    void unknownLayerIsBadInputListingTheLayers() {
        Cli r = Cli.run("features", "-m", path("m.ckpt"), "--layer", "conv7", path("data"), "-o", path("f.npy"));
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("conv7") && r.err().contains("relu1"), r.err());
        assertFalse(Files.exists(dir.resolve("f.npy")));
    }

    @Test
    void inputOfAnotherShapeNamesTheFile() throws IOException {
        Npy.write(dir.resolve("data/in9.npy"), TinyModels.random(1, 1, 4, 5));
        Cli r = Cli.run("features", "-m", path("m.ckpt"), "--layer", "fc", path("data"), "-o", path("f.npy"));
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("in9.npy"), r.err());
    }

    @Test
    void emptyFolderAndBadOutputAreBadInput() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, Cli.run("features", "-m", path("m.ckpt"), "--layer", "fc", path("empty"), "-o",
                path("f.npy")).code());
        assertEquals(2, Cli.run("features", "-m", path("m.ckpt"), "--layer", "fc", path("data"), "-o",
                path("f.txt")).code());
    }
}
