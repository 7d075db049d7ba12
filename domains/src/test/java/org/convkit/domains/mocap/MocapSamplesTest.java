package org.convkit.domains.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;
import org.junit.jupiter.api.Test;

/** From a decoded recording to network samples: gap filling, the low-pass, windows, centring. */
class MocapSamplesTest {
    private static final MocapDomain MOCAP = new MocapDomain();

    private static DataFile recording(double rate, String unit, int markers, double[] values) {
        int frames = values.length / (3 * markers);
        List<Metadata.Channel> ch = new ArrayList<>();
        for (int m = 0; m < markers; m++) {
            for (String a : MocapChannels.AXES) {
                ch.add(new Metadata.Channel("M" + m + "." + a, unit, rate, frames));
            }
        }
        return new DataFile("test", DoubleNd.of(Shape.of(3 * markers, frames), values), Metadata.recording(rate, ch));
    }

    @Test
    void samplesMatchNumpyAndScipyOnARecordingWithGaps() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("samples_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        JsonNode input = ref.get("input");
        int frames = input.get(0).size();
        double[] x = new double[3 * frames];
        for (int c = 0; c < 3; c++) {
            for (int f = 0; f < frames; f++) {
                JsonNode v = input.get(c).get(f);
                x[c * frames + f] = v.isNull() ? Double.NaN : v.asDouble();
            }
        }
        FloatNd got = MOCAP.samples(recording(ref.get("rate").asDouble(), ref.get("unit").asText(), 1, x));
        JsonNode want = ref.get("samples");
        assertEquals(Shape.of(want.size(), 3, MocapDomain.LENGTH), got.shape());
        for (int w = 0; w < want.size(); w++) {
            for (int c = 0; c < 3; c++) {
                for (int j = 0; j < MocapDomain.LENGTH; j++) {
                    assertEquals(want.get(w).get(c).get(j).asDouble(), got.get(w, c, j), 2e-7,
                            "window " + w + " channel " + c + " point " + j);
                }
            }
        }
    }

    @Test
    void preprocessingIsAZeroPhaseSixHertzButterworthLowPass() {
        FilterChain chain = MOCAP.preprocessing(Metadata.recording(120, List.of()));
        assertEquals(List.of(new ButterworthFilter(Butterworth.Band.LOWPASS, 4, new double[] {6}, 120, true)),
                chain.steps());
    }

    @Test
    void frameRatesTooLowForTheCutoffAreNotFiltered() {
        assertTrue(MOCAP.preprocessing(Metadata.recording(12, List.of())).steps().isEmpty());
        assertTrue(MOCAP.preprocessing(Metadata.NONE).steps().isEmpty());
    }

    @Test
    void gapsAreFilledByStraightLinesAndHeldAtTheEnds() {
        double n = Double.NaN;
        DoubleNd x = DoubleNd.of(Shape.of(2, 7), n, 1, n, n, 4, 6, n, n, n, n, n, n, n, n);
        assertArrayEquals(new double[] {1, 1, 2, 3, 4, 6, 6, 0, 0, 0, 0, 0, 0, 0},
                MocapWindows.fillGaps(x).toArray());
    }

    @Test
    void sixSecondsGiveFiveWindowsOfSixtyFourPointsAtAnyRate() throws IOException {
        for (double rate : new double[] {50, 100, 120, 250}) {
            int frames = (int) (6 * rate);
            FloatNd s = MOCAP.samples(recording(rate, "mm", 2, new double[6 * frames]));
            assertEquals(Shape.of(5, 6, 64), s.shape(), "at " + rate + " Hz");
        }
    }

    @Test
    void eachWindowChannelIsCentredSoWhereTheSubjectStandsDoesNotMatter() throws IOException {
        int frames = 600;
        double[] x = new double[3 * frames];
        double[] moved = new double[3 * frames];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 * Math.sin(2 * Math.PI * (i % frames) / 97.0 + i / frames);
            moved[i] = x[i] + (i / frames == 0 ? 2500 : -700); // the subject stands elsewhere
        }
        FloatNd a = MOCAP.samples(recording(100, "mm", 1, x));
        FloatNd b = MOCAP.samples(recording(100, "mm", 1, moved));
        for (int i = 0; i < a.shape().size(); i++) {
            assertEquals(a.getDouble(i), b.getDouble(i), 1e-6);
        }
        for (int w = 0; w < a.shape().dim(0); w++) {
            for (int c = 0; c < 3; c++) {
                double mean = 0;
                for (int j = 0; j < 64; j++) {
                    mean += a.get(w, c, j);
                }
                assertEquals(0, mean / 64, 1e-7);
            }
        }
    }

    @Test
    void positionsAreInMetresWhateverTheUnit() throws IOException {
        // 10 Hz: below twice the cutoff, so no filter and the ramp stays exact
        int frames = 20;
        double[] mm = new double[3 * frames];
        double[] cm = new double[3 * frames];
        for (int i = 0; i < frames; i++) {
            mm[i] = 3 * i; // 30 mm/s along x
            cm[i] = 0.3 * i;
        }
        FloatNd a = MOCAP.samples(recording(10, "mm", 1, mm));
        FloatNd b = MOCAP.samples(recording(10, "cm", 1, cm));
        assertArrayEquals(a.toArray(), b.toArray(), 1e-7f);
        // the window spans 19 frames * 3 mm: centred, its ends sit at -+28.5 mm
        assertEquals(-0.0285, a.get(0, 0, 0), 1e-7);
        assertEquals(0.0285, a.get(0, 0, 63), 1e-7);
    }

    @Test
    void recordingShorterThanAWindowIsRejected() {
        DataFile shortOne = recording(100, "mm", 1, new double[3 * 150]);
        DataFileException e = assertThrows(DataFileException.class, () -> MOCAP.samples(shortOne));
        assertTrue(e.getMessage().contains("holds 150 frames at 100.0 Hz, a sample needs 2.0 s (200 frames)"),
                e.getMessage());
    }

    @Test
    void dataThatIsNotXyzRowsIsRejected() {
        DataFile bad = new DataFile("test", DoubleNd.zeros(Shape.of(4, 300)), Metadata.recording(100, List.of()));
        DataFileException e = assertThrows(DataFileException.class, () -> MOCAP.samples(bad));
        assertTrue(e.getMessage().contains("[markers * 3, frames]"), e.getMessage());
    }
}
