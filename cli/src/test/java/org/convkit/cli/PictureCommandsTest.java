package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.cli.testdomain.TestData;
import org.convkit.cli.testdomain.TestSignalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spectrogram, kernel and filter --plot write the pictures and arrays they promise. */
class PictureCommandsTest {

    @TempDir
    Path dir;

    @Test
    void spectrogramPngIsAPictureOfTheDocumentedSize() throws IOException {
        Path rec = TestData.file(dir.resolve("r.tsig"), 1, 3L);
        Path png = dir.resolve("s.png");
        Cli r = Cli.run("spectrogram", rec.toString(), "--nperseg", "32", "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1100, img.getWidth());
        assertEquals(640, img.getHeight());
    }

    @Test
    void spectrogramNpyHasOneRowPerFrequencyAndItsPeakAtTheRhythm() throws IOException {
        // class 1 of the test domain is a 24 Hz rhythm at 128 Hz; 32-sample segments are 4 Hz apart
        Path rec = TestData.file(dir.resolve("r.tsig"), 1, 3L);
        Path npy = dir.resolve("s.npy");
        Cli r = Cli.run("spectrogram", rec.toString(), "--nperseg", "32", "-o", npy.toString());
        assertEquals(0, r.code(), r.err());
        NdArray db = Npy.read(npy);
        assertEquals(17, db.shape().dim(0));
        int frames = db.shape().dim(1);
        double[] mean = new double[17];
        for (int f = 0; f < 17; f++) {
            for (int t = 0; t < frames; t++) {
                mean[f] += db.getDouble(f * frames + t) / frames;
            }
        }
        int peak = 0;
        for (int f = 1; f < 17; f++) {
            peak = mean[f] > mean[peak] ? f : peak;
        }
        assertEquals(24 / 4, peak);
    }

    @Test
    void kernelNpyIsScipysCorrelateOfAStep() throws IOException {
        // a vertical step image: sobel-x (correlation, reflect) gives 4 on both columns beside the edge
        double[] v = new double[6 * 6];
        for (int r = 0; r < 6; r++) {
            for (int c = 3; c < 6; c++) {
                v[r * 6 + c] = 1;
            }
        }
        Path img = dir.resolve("step.tsig");
        TestSignalFormat.write(img, DoubleNd.of(Shape.of(6, 6), v));
        Path out = dir.resolve("edges.npy");
        Cli r = Cli.run("kernel", "sobel-x", img.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        NdArray e = Npy.read(out);
        double[] row = new double[6];
        for (int c = 0; c < 6; c++) {
            row[c] = e.getDouble(2 * 6 + c);
        }
        // scipy.ndimage.correlate(step, sobel_x, mode='reflect')[2] == [0, 0, 4, 4, 0, 0]
        assertArrayEquals(new double[] {0, 0, 4, 4, 0, 0}, row, 1e-12);
    }

    @Test
    void kernelPngShowsBeforeAndAfter() throws IOException {
        Path img = dir.resolve("noise.tsig");
        TestSignalFormat.write(img, DoubleNd.of(Shape.of(20, 30), new double[600]));
        Path png = dir.resolve("k.png");
        Cli r = Cli.run("kernel", "gaussian", img.toString(), "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1280, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void filterPlotDrawsSignalAndResponse() throws IOException {
        double[] x = new double[2 * 500];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.05) + (i % 2 == 0 ? 0.3 : -0.3);
        }
        Path in = dir.resolve("x.npy");
        Npy.write(in, DoubleNd.of(Shape.of(2, 500), x));
        Path png = dir.resolve("f.png");
        Cli r = Cli.run("filter", in.toString(), "--fs", "100", "--moving-average", "10", "--lowpass", "20", "-o",
                dir.resolve("y.npy").toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(2 * 300 + 2 * 420, img.getHeight());
        assertTrue(Files.isRegularFile(dir.resolve("y.npy")));
    }

    @Test
    void filterReadsARecordingFormatUsesItsRateAndWritesTheSameFormat() throws IOException {
        // the test format records 128 Hz; a 1 Hz low-pass of a 2-channel file must need no --fs
        Path rec = TestData.file(dir.resolve("r.tsig"), 1, 3L);
        Path out = dir.resolve("smooth.tsig");
        Cli r = Cli.run("filter", rec.toString(), "--moving-average", "10", "--lowpass", "1", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        NdArray y = new TestSignalFormat().read(out).data();
        assertEquals(Shape.of(2, 256), y.shape());
        // the 24 Hz rhythm is gone: what is left is far smaller than the input's unit amplitude
        double max = 0;
        for (int i = 64; i < 192; i++) {
            max = Math.max(max, Math.abs(y.getDouble(i)));
        }
        assertTrue(max < 0.3, "max " + max);
    }
}
