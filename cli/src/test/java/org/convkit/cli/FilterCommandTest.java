package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.io.Csv;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.IirFilter;
import org.convkit.api.signal.MovingAverageFilter;
import org.convkit.api.signal.NotchFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterCommandTest {

    @TempDir
    Path dir;

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static DoubleNd noise(Shape s) {
        SplittableRandom r = new SplittableRandom(5);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return DoubleNd.of(s, d);
    }

    @Test
    void stepsRunInCommandLineOrderWithTheGlobalDesignOptions() throws IOException {
        DoubleNd x = noise(Shape.of(2, 1024));
        Npy.write(dir.resolve("x.npy"), x);
        Cli r = Cli.run("filter", path("x.npy"), "--notch", "50", "--moving-average", "10", "--bandpass", "1", "40",
                "--fs", "256", "--zero-phase", "--order", "3", "-o", path("y.npy"));
        assertEquals(0, r.code(), r.err());
        FilterChain want = FilterChain.of(new NotchFilter(50, 30, 256, true), new MovingAverageFilter(10),
                new ButterworthFilter(Butterworth.Band.BANDPASS, 3, new double[] {1, 40}, 256, true));
        assertArrayEquals(want.apply(x, ConvContext.defaults()).toArray(), Npy.read(dir.resolve("y.npy")).toDouble().toArray(), 0);
    }

    @Test
    void csvHoldsTimeDownTheRowsAndChannelsAcross() throws IOException {
        DoubleNd channelsByTime = noise(Shape.of(3, 200));
        double[] rows = new double[600];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 200; t++) {
                rows[t * 3 + c] = channelsByTime.get(c, t);
            }
        }
        Csv.write(dir.resolve("x.csv"), DoubleNd.of(Shape.of(200, 3), rows));
        Cli r = Cli.run("filter", path("x.csv"), "--ba", "0.5,0.5;1,-0.2", "-o", path("y.csv"));
        assertEquals(0, r.code(), r.err());
        DoubleNd got = Csv.read(dir.resolve("y.csv")).toDouble();
        assertEquals(Shape.of(200, 3), got.shape());
        DoubleNd want = new IirFilter(new double[] {0.5, 0.5}, new double[] {1, -0.2}, false)
                .apply(channelsByTime, ConvContext.defaults());
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 200; t++) {
                assertEquals(want.get(c, t), got.get(t, c), 1e-12);
            }
        }
    }

    @Test
    void designedFilterWithoutSamplingRateIsBadUsage() throws IOException {
        Npy.write(dir.resolve("x.npy"), noise(Shape.of(100)));
        Cli r = Cli.run("filter", path("x.npy"), "--lowpass", "30", "-o", path("y.npy"));
        assertEquals(2, r.code());
        assertEquals("convkit filter: --lowpass needs --fs (the sampling rate in Hz)", r.err().trim());
        assertFalse(Files.exists(dir.resolve("y.npy")));
    }

    @Test
    void cutoffAboveNyquistNamesTheValue() throws IOException {
        Npy.write(dir.resolve("x.npy"), noise(Shape.of(100)));
        Cli r = Cli.run("filter", path("x.npy"), "--fs", "100", "--highpass", "70", "-o", path("y.npy"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--highpass") && r.err().contains("70"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void signalTooShortForZeroPhaseIsBadInputNamingTheFile() throws IOException {
        Npy.write(dir.resolve("short.npy"), noise(Shape.of(10)));
        Cli r = Cli.run("filter", path("short.npy"), "--fs", "256", "--lowpass", "30", "--zero-phase", "-o", path("y.npy"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("short.npy") && r.err().contains("padlen"), r.err());
    }

    @Test
    void filterInfoReportsCoefficientsPolesAndStabilityAsJson() throws IOException {
        Cli r = Cli.run("filter-info", "--fs", "256", "--bandpass", "1", "40", "--order", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode step = root.get("steps").get(0);
        assertEquals(5, step.get("b").size());
        assertEquals(2, step.get("sos").size());
        assertEquals(4, step.get("poles").size());
        assertTrue(step.get("stable").asBoolean());
        assertEquals("butterworth", root.get("chain").get(0).get("type").asText());
    }

    @Test
    void filterInfoWarnsAboutAnUnsafeHighOrderBaDesign() {
        Cli r = Cli.run("filter-info", "--fs", "256", "--bandpass", "1", "2", "--order", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning:"), r.out());
    }
}
