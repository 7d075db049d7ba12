package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Windows: their count, centres, per-channel standardisation and labels from annotations. */
class EegWindowsTest {

    @Test
    void twoSecondWindowsHalfOverlappingAtTheFilesRate() {
        EegWindows w = EegWindows.DEFAULT;
        assertEquals(320, w.length(160));
        assertEquals(160, w.hop(160));
        // 10 s at 160 Hz: starts 0, 1, ..., 8 s
        assertEquals(9, w.count(1600, 160));
        assertEquals(0, w.count(319, 160));
        assertEquals(1.0, w.centre(0, 160));
        assertEquals(9.0, w.centre(8, 160));
    }

    @Test
    void eachChannelOfEachWindowIsStandardised() {
        // one channel a ramp 0..7, one constant: windows of 4 samples every 2 at rate 2 Hz
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 5, 5, 5, 5, 5, 5, 5, 5};
        FloatNd s = EegWindows.DEFAULT.cut(DoubleNd.of(Shape.of(2, 8), x), 2);
        assertEquals(Shape.of(3, 2, 4), s.shape());
        float a = (float) (1.5 / Math.sqrt(1.25));
        float b = (float) (0.5 / Math.sqrt(1.25));
        float[] ramp = {-a, -b, b, a};
        for (int k = 0; k < 3; k++) {
            float[] got = s.toArray();
            assertArrayEquals(ramp, java.util.Arrays.copyOfRange(got, k * 8, k * 8 + 4), 1e-6f, "window " + k);
            assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(got, k * 8 + 4, k * 8 + 8), "flat channel");
        }
    }

    @Test
    void windowTakesTheLabelOfTheAnnotationCoveringItsCentre() {
        List<Annotation> events = List.of(new Annotation(0, 4, "left"), new Annotation(5, 4, "right"),
                new Annotation(10, 0, "blink"));
        EegWindows w = EegWindows.DEFAULT;
        String[] want = {"left", "left", "left", null, "right", "right", "right", "right", null, null, null};
        for (int k = 0; k < want.length; k++) {
            // centre of window k is k + 1 s; spans are half open: 4 s is no longer 'left'
            assertEquals(want[k], w.label(k, 128, events), "window " + k);
        }
    }

    @Test
    void windowCoveredByTwoDifferentLabelsIsLeftUnlabelled() {
        List<Annotation> events = List.of(new Annotation(0, 3, "a"), new Annotation(1.5, 3, "b"),
                new Annotation(0.5, 1, "a"));
        assertEquals("a", EegWindows.DEFAULT.label(0, 100, events));
        assertNull(EegWindows.DEFAULT.label(1, 100, events));
        assertEquals("b", EegWindows.DEFAULT.label(2, 100, events));
    }

    @Test
    void recordingShorterThanAWindowIsRejected() {
        DataFile f = new DataFile("edf", DoubleNd.of(Shape.of(2, 100), new double[200]),
                Metadata.recording(128, List.of()));
        DataFileException e = assertThrows(DataFileException.class, () -> Domains.named("eeg").samples(f));
        assertEquals(true, e.getMessage().contains("100 samples at 128.0 Hz is shorter than one 2.0 s window"),
                e.getMessage());
    }

    @Test
    void samplesAreTheWindowsOfTheFilteredRecording() throws IOException {
        EegDomain eeg = new EegDomain();
        DataFile f = eeg.syntheticFile(2, 9L);
        DoubleNd filtered = eeg.preprocessing(f.metadata()).apply(f.data().toDouble(),
                org.convkit.api.conv.ConvContext.defaults());
        assertArrayEquals(EegWindows.DEFAULT.cut(filtered, 128).toArray(), eeg.samples(f).toArray());
        assertEquals(Shape.of(5, 8, 256), eeg.samples(f).shape());
    }
}
