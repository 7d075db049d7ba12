package org.convkit.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.convkit.api.nn.train.EpochReport;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.FrequencyResponse;
import org.convkit.api.signal.MovingAverageFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every plot writes a PNG that ImageIO reads back at the documented size, and nothing else in the folder. */
class PlotsTest {

    @TempDir
    Path dir;

    private BufferedImage readBack(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is not a PNG ImageIO reads");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary file left");
        }
        return img;
    }

    private static void assertSize(int w, int h, BufferedImage img) {
        assertEquals(w, img.getWidth(), "width");
        assertEquals(h, img.getHeight(), "height");
    }

    @Test
    void trainingCurvesAreTwoPanelsSideBySide() throws IOException {
        List<EpochReport> h = new ArrayList<>();
        for (int e = 1; e <= 6; e++) {
            h.add(new EpochReport(e, 1.0 / e, 0.5 + e * 0.07, 1.2 / e, 0.45 + e * 0.07, 1e-3, 0.1, true));
        }
        Path png = dir.resolve("curves.png");
        TrainingCurves.write(png, h);
        assertSize(1400, 560, readBack(png));
    }

    @Test
    void trainingCurvesOfOneEpochWithoutValidationStillDraw() throws IOException {
        Path png = dir.resolve("one.png");
        TrainingCurves.write(png, List.of(new EpochReport(1, 0.7, 0.5, Double.NaN, Double.NaN, 1e-3, 0.1, true)));
        assertSize(1400, 560, readBack(png));
    }

    @Test
    void confusionMatrixIsSquarePlusItsColourBar() throws IOException {
        Path png = dir.resolve("confusion.png");
        ConfusionPlot.write(png, new int[][] {{40, 3, 1}, {5, 30, 9}, {0, 2, 44}}, List.of("alpha", "beta", "rest"),
                "Confusion matrix (test set)");
        assertSize(780, 640, readBack(png));
    }

    @Test
    void signalBeforeAfterHasOnePanelPerChannelUpToFour() throws IOException {
        double fs = 128;
        double[][] before = new double[6][512];
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 512; i++) {
                before[c][i] = Math.sin(2 * Math.PI * 5 * i / fs) + 0.5 * Math.sin(2 * Math.PI * 50 * i / fs + c);
            }
        }
        double[][] after = new double[6][];
        for (int c = 0; c < 6; c++) {
            after[c] = new MovingAverageFilter(10).apply(org.convkit.api.nd.DoubleNd.of(
                    org.convkit.api.nd.Shape.of(512), before[c]), org.convkit.api.conv.ConvContext.defaults()).toArray();
        }
        Path png = dir.resolve("signal.png");
        SignalPlot.write(png, "Moving average (10)", before, after, fs, List.of("Fp1", "Fp2"), "uV");
        assertSize(1200, 4 * 300, readBack(png));
    }

    @Test
    void frequencyResponseIsMagnitudeAbovePhase() throws IOException {
        FilterChain chain = FilterChain.of(new ButterworthFilter(Butterworth.Band.BANDPASS, 4, new double[] {1, 40},
                256, true));
        Path png = dir.resolve("response.png");
        ResponsePlot.write(png, "Band-pass 1-40 Hz", chain, 256);
        assertSize(1200, 840, readBack(png));
    }

    @Test
    void zeroPhaseStepsContributeTheSquaredMagnitudeAndNoPhase() {
        ButterworthFilter causal = new ButterworthFilter(Butterworth.Band.LOWPASS, 2, new double[] {10}, 100, false);
        ButterworthFilter zero = new ButterworthFilter(Butterworth.Band.LOWPASS, 2, new double[] {10}, 100, true);
        FrequencyResponse a = ResponsePlot.response(FilterChain.of(causal), 100);
        FrequencyResponse b = ResponsePlot.response(FilterChain.of(zero), 100);
        for (int i = 0; i < a.frequencies().length; i += 50) {
            double m = a.magnitude()[i];
            assertEquals(m * m, b.re()[i], 1e-12);
            assertEquals(0, b.im()[i]);
        }
    }

    @Test
    void spectrogramHasAColourBar() throws IOException {
        int nf = 65;
        int nt = 300;
        double[][] db = new double[nf][nt];
        double[] f = new double[nf];
        double[] t = new double[nt];
        for (int i = 0; i < nf; i++) {
            f[i] = i * 4000.0 / (nf - 1);
            for (int j = 0; j < nt; j++) {
                t[j] = j * 0.01;
                db[i][j] = -80 + 80 * Math.exp(-Math.pow((f[i] - 500 - 10 * j) / 200.0, 2));
            }
        }
        Path png = dir.resolve("spec.png");
        SpectrogramPlot.write(png, "Spectrogram of chirp.wav", db, f, t);
        assertSize(1100, 640, readBack(png));
    }

    @Test
    void imageBeforeAfterIsTwoPanels() throws IOException {
        double[][] img = new double[40][50];
        double[][] edges = new double[40][50];
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 50; c++) {
                img[r][c] = (r - 20) * (r - 20) + (c - 25) * (c - 25) < 150 ? 1 : 0;
                edges[r][c] = c > 0 ? img[r][c] - img[r][c - 1] : 0;
            }
        }
        Path png = dir.resolve("image.png");
        ImagePlot.writeBeforeAfter(png, "input", img, "sobel-x", edges);
        assertSize(1280, 600, readBack(png));
    }

    @Test
    void volumeSlicesAreAGridOfThreeColumns() throws IOException {
        double[][][] v = new double[20][32][32];
        for (int z = 0; z < 20; z++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    v[z][y][x] = Math.sqrt((z - 10) * (z - 10) + (y - 16) * (y - 16) + (x - 16) * (x - 16)) < 9 ? 1 : 0;
                }
            }
        }
        Path png = dir.resolve("slices.png");
        SlicesPlot.write(png, "phantom", v);
        assertSize(3 * 480, Png.TITLE_STRIP + 3 * 440, readBack(png));
        assertEquals(List.of(0, 2, 5, 7, 10, 12, 14, 17, 19), java.util.Arrays.stream(SlicesPlot.slices(20)).boxed().toList());
    }
}
