package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.explain.Saliency;
import org.convkit.api.nn.explain.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainCommandTest {

    @TempDir
    Path dir;

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    /** A model of input {@code shape} in m.ckpt and a random input in x.npy. */
    private void setUp(int... shape) throws IOException {
        TinyModels.save(dir.resolve("m.ckpt"), shape);
        Npy.write(dir.resolve("x.npy"), TinyModels.random(3, shape));
    }

    private static void assertOneLineNaming(Cli r, String what) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(what), r.err());
    }

    private BufferedImage png(String name) throws IOException {
        BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
        assertTrue(img != null && img.getWidth() > 0 && img.getHeight() > 0, name);
        return img;
    }

    @Test
    void saliencyArrayIsTheLibrarysGradientOfTheChosenClass() throws IOException {
        setUp(1, 6, 6);
        Cli r = Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "saliency", "--class", "2",
                "-o", path("g.npy"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("class 2 ('c')"), r.out());
        LoadedModel loaded = ModelFile.load(dir.resolve("m.ckpt"));
        FloatNd x = Npy.read(dir.resolve("x.npy")).toFloat();
        FloatNd want = Saliency.gradient(Scorer.of(loaded, 1), x, 2);
        assertArrayEquals(want.toArray(), Npy.read(dir.resolve("g.npy")).toFloat().toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"saliency", "shapley", "occlusion"})
    void everyMethodDrawsA1d2dAnd3dPicture(String method) throws IOException {
        int[][] shapes = {{2, 20}, {1, 6, 6}, {1, 3, 4, 4}};
        for (int[] shape : shapes) {
            setUp(shape);
            Cli r = Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", method, "--samples", "4",
                    "--segment", "2", "--patch", "2", "-o", path("p.png"));
            assertEquals(0, r.code(), method + " " + Shape.of(shape) + ": " + r.err());
            png("p.png");
        }
    }

    @Test
    void shapleyArrayIsTheSegmentMapAndTheLineStatesTheSum() throws IOException {
        setUp(1, 6, 6);
        Cli r = Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "shapley", "--samples", "6",
                "--segment", "3", "--seed", "4", "--antithetic", "--baseline", "mean", "-o", path("s.npy"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 segments sum to"), r.out());
        assertEquals(Shape.of(6, 6), Npy.read(dir.resolve("s.npy")).shape());
    }

    @Test
    void occlusionArrayHasTheInputsSpatialShape() throws IOException {
        setUp(2, 20);
        Cli r = Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "occlusion", "-o", path("o.npy"));
        assertEquals(0, r.code(), r.err());
        assertEquals(Shape.of(20), Npy.read(dir.resolve("o.npy")).shape());
    }

    @Test
    void filtersNeedNoInput() throws IOException {
        setUp(1, 6, 6);
        Cli r = Cli.run("explain", "-m", path("m.ckpt"), "--method", "filters", "-o", path("f.png"));
        assertEquals(0, r.code(), r.err());
        BufferedImage img = png("f.png");
        assertTrue(img.getWidth() >= 3 && img.getHeight() >= 2 * 3, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void featureMapsOfALayer() throws IOException {
        setUp(1, 6, 6);
        Cli r = Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "feature-maps", "--layer", "relu1",
                "-o", path("fm.npy"));
        assertEquals(0, r.code(), r.err());
        assertEquals(Shape.of(2, 6, 6), Npy.read(dir.resolve("fm.npy")).shape());
        assertEquals(0, Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "feature-maps", "--layer",
                "conv1", "-o", path("fm.png")).code());
        png("fm.png");
    }

    @Test
    void featureMapsWithoutALayerListTheLayers() throws IOException {
        setUp(1, 6, 6);
        assertOneLineNaming(Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "feature-maps",
                "-o", path("fm.png")), "conv1, relu1");
    }

    @Test
    void inputOfAnotherShapeIsBadInputNamingTheFile() throws IOException {
        setUp(1, 6, 6);
        Npy.write(dir.resolve("wrong.npy"), TinyModels.random(1, 1, 5, 6));
        assertOneLineNaming(Cli.run("explain", "-m", path("m.ckpt"), path("wrong.npy"), "--method", "saliency",
                "-o", path("g.png")), "wrong.npy");
        assertFalse(Files.exists(dir.resolve("g.png")));
    }

    @Test
    void unknownMethodAndClassAreBadInput() throws IOException {
        setUp(1, 6, 6);
        assertOneLineNaming(Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "lime",
                "-o", path("g.png")), "lime");
        assertOneLineNaming(Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "saliency",
                "--class", "3", "-o", path("g.png")), "3 classes");
        assertOneLineNaming(Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "saliency",
                "-o", path("g.jpg")), "g.jpg");
    }

    @Test
    void missingModelIsBadInputNamingIt() throws IOException {
        setUp(1, 6, 6);
        assertOneLineNaming(Cli.run("explain", "-m", path("nope.ckpt"), path("x.npy"), "--method", "saliency",
                "-o", path("g.png")), "nope.ckpt");
    }

    @Test
    void smoothGradIsRepeatableWithTheSeed() throws IOException {
        setUp(1, 6, 6);
        for (String out : new String[] {"a.npy", "b.npy"}) {
            assertEquals(0, Cli.run("explain", "-m", path("m.ckpt"), path("x.npy"), "--method", "saliency", "--noise",
                    "0.2", "--samples", "5", "--seed", "7", "--threads", out.equals("a.npy") ? "1" : "2",
                    "-o", path(out)).code());
        }
        assertArrayEquals(Npy.read(dir.resolve("a.npy")).toFloat().toArray(),
                Npy.read(dir.resolve("b.npy")).toFloat().toArray());
    }
}
