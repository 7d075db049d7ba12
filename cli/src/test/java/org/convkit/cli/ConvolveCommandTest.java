package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.Convolution;
import org.convkit.api.io.Csv;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvolveCommandTest {

    @TempDir
    Path dir;

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static DoubleNd random(Shape s, long seed) {
        Random r = new Random(seed);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return DoubleNd.of(s, d);
    }

    private static void assertOneLineNaming(Cli r, String what) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(what), r.err());
    }

    @Test
    void seedExampleMatchesScipyInEveryMode() throws IOException {
        Npy.write(dir.resolve("x.npy"), DoubleNd.vector(1, 2, -5, 4, 2, -1));
        // scipy.signal.convolve([1,2,-5,4,2,-1], [-1,2,-1], mode) (the golden seed example)
        double[][] want = {{8, -16, 11, 1}, {0, 8, -16, 11, 1, -4}, {-1, 0, 8, -16, 11, 1, -4, 1}};
        String[] modes = {"valid", "same", "full"};
        for (int m = 0; m < 3; m++) {
            Cli r = Cli.run("convolve", path("x.npy"), "-k", "-1,2,-1", "--mode", modes[m], "-o", path(modes[m] + ".npy"));
            assertEquals(0, r.code(), r.err());
            assertArrayEquals(want[m], Npy.read(dir.resolve(modes[m] + ".npy")).toDouble().toArray(), 1e-12, modes[m]);
        }
    }

    @Test
    void csvImageCorrelatedWith2dKernelMatchesTheLibrary() throws IOException {
        DoubleNd x = random(Shape.of(7, 9), 11);
        Csv.write(dir.resolve("img.csv"), x);
        Cli r = Cli.run("convolve", path("img.csv"), "--kernel", "1,0,-1;2,0,-2;1,0,-1", "--correlate",
                "--mode", "same", "--method", "reference", "--threads", "2", "-o", path("out.csv"));
        assertEquals(0, r.code(), r.err());
        DoubleNd k = DoubleNd.of(Shape.of(3, 3), 1, 0, -1, 2, 0, -2, 1, 0, -1);
        NdArray want = Convolution.correlate(x, k, ConvMode.SAME);
        DoubleNd got = Csv.read(dir.resolve("out.csv"));
        assertEquals(want.shape(), got.shape());
        assertArrayEquals(want.toDouble().toArray(), got.toArray(), 1e-12);
    }

    @Test
    void float32InputGivesFloat32Output() throws IOException {
        Npy.write(dir.resolve("f.npy"), FloatNd.of(Shape.of(4), 1, 2, 3, 4));
        Cli r = Cli.run("convolve", path("f.npy"), "-k", "1,1", "-o", path("g.npy"));
        assertEquals(0, r.code(), r.err());
        NdArray g = Npy.read(dir.resolve("g.npy"));
        assertInstanceOf(FloatNd.class, g);
        assertEquals(Shape.of(5), g.shape());
    }

    @Test
    void missingInputNamesTheFile() {
        Cli r = Cli.run("convolve", path("nope.npy"), "-k", "1,2,1", "-o", path("y.npy"));
        assertOneLineNaming(r, "nope.npy");
        assertFalse(Files.exists(dir.resolve("y.npy")));
    }

    @Test
    void malformedNpyNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("bad.npy"), "not numpy at all");
        assertOneLineNaming(Cli.run("convolve", path("bad.npy"), "-k", "1", "-o", path("y.npy")), "bad.npy");
    }

    @Test
    void badCsvValueNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "1\n2\nthree\n");
        assertOneLineNaming(Cli.run("convolve", path("bad.csv"), "-k", "1", "-o", path("y.csv")), "bad.csv: line 3");
    }

    @Test
    void unknownExtensionIsBadInput() {
        assertOneLineNaming(Cli.run("convolve", path("x.txt"), "-k", "1", "-o", path("y.npy")), "x.txt");
        assertOneLineNaming(Cli.run("convolve", path("x.npy"), "-k", "1", "-o", path("y.mat")), "y.mat");
    }

    @Test
    void malformedKernelListIsBadInput() throws IOException {
        Npy.write(dir.resolve("x.npy"), DoubleNd.vector(1, 2, 3));
        assertOneLineNaming(Cli.run("convolve", path("x.npy"), "-k", "1,x,1", "-o", path("y.npy")), "'x'");
        assertOneLineNaming(Cli.run("convolve", path("x.npy"), "-k", "1,2;3", "-o", path("y.npy")), "row 2");
    }

    @Test
    void unknownKernelNameIsBadInput() throws IOException {
        Npy.write(dir.resolve("x.npy"), DoubleNd.vector(1, 2, 3));
        assertOneLineNaming(Cli.run("convolve", path("x.npy"), "-k", "nosuchkernel", "-o", path("y.npy")), "nosuchkernel");
    }

    @Test
    void kernelOfAnotherRankNamesTheInput() throws IOException {
        Npy.write(dir.resolve("x.npy"), DoubleNd.vector(1, 2, 3));
        Cli r = Cli.run("convolve", path("x.npy"), "-k", "1,2;3,4", "-o", path("y.npy"));
        assertOneLineNaming(r, "x.npy: ");
        assertFalse(Files.exists(dir.resolve("y.npy")));
    }

    @Test
    void badModeIsBadUsage() throws IOException {
        Npy.write(dir.resolve("x.npy"), DoubleNd.vector(1, 2, 3));
        assertOneLineNaming(Cli.run("convolve", path("x.npy"), "-k", "1", "--mode", "middle", "-o", path("y.npy")), "middle");
    }

    @Test
    void threeDimensionalResultCannotGoToCsv() throws IOException {
        Npy.write(dir.resolve("v.npy"), DoubleNd.zeros(Shape.of(2, 2, 2)));
        assertOneLineNaming(Cli.run("convolve", path("v.npy"), "-k", "1", "-o", path("v.csv")), "v.csv");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Cli r = Cli.run("convolve", path("nope.npy"), "-k", "1", "-o", path("y.npy"), "--verbose");
        assertEquals(2, r.code());
        assertTrue(r.errLines().size() > 1 && r.err().contains("\tat "), r.err());
    }
}
