package org.convkit.domains.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.domains.DomainContractTest;
import org.junit.jupiter.api.Test;

class SpectrogramDomainTest extends DomainContractTest {

    @Override
    protected String domainName() {
        return "spectrogram";
    }

    /** npy stores float64 as is; WAV is read only here. */
    @Override
    protected double roundTripTolerance(FileFormat format) {
        return 0;
    }

    @Test
    void readsWavButWritesOnlyNpy() {
        List<FileFormat> formats = domain().formats();
        assertEquals(List.of("npy", "wav"), formats.stream().map(FileFormat::name).toList());
        assertTrue(formats.get(0).canWrite());
        assertFalse(formats.get(1).canWrite());
    }

    /**
     * tones.wav (sox) mixed to mono and resampled to 8 kHz by scipy, then torch.stft, a numpy
     * transcription of librosa's Slaney mel filterbank and power_to_db(ref=max, top_db=80)
     * ({@code ref/make-references.py}). Tolerance 1e-9 dB (measured 6e-12): float64 throughout, different FFTs.
     */
    @Test
    void aWavRecordingBecomesTheLogMelSpectrogramOfTorchAndLibrosa() throws IOException {
        double[] expected = Fixtures.npy("tones-logmel");
        DataFile s = ((SpectrogramDomain) domain()).spectrogram(domain().read(Fixtures.ref("tones.wav")));
        assertEquals(Shape.of(1, 32, 76), s.data().shape());
        assertArrayEquals(expected, s.data().toDouble().toArray(), 1e-9);
        assertEquals(125.0, s.metadata().sampleRate(), "frames per second");
    }

    @Test
    void samplesAreWindowsOf64FramesScaledFromDecibelsToTheUnitRange() throws IOException {
        double[] expected = Fixtures.npy("tones-logmel");
        FloatNd samples = domain().samples(domain().read(Fixtures.ref("tones.wav")));
        assertEquals(Shape.of(1, 1, 32, 64), samples.shape(), "76 frames give one whole window");
        float[] got = samples.toArray();
        for (int m = 0; m < 32; m++) {
            for (int f = 0; f < 64; f++) {
                assertEquals(expected[m * 76 + f] / 80 + 1, got[m * 64 + f], 1e-6, "mel " + m + " frame " + f);
            }
        }
    }

    @Test
    void aShortSpectrogramIsPaddedWithItsMinimum() throws IOException {
        double[] v = new double[32 * 10];
        Arrays.fill(v, -20);
        v[5] = -60;
        DataFile s = new DataFile("npy", DoubleNd.of(Shape.of(1, 32, 10), v), Metadata.NONE);
        float[] got = domain().samples(s).toArray();
        assertEquals(32 * 64, got.length);
        assertEquals(-20f / 80 + 1, got[0], 1e-7);
        assertEquals(-60f / 80 + 1, got[10], 1e-7, "padding is the minimum, -60 dB");
    }

    @Test
    void aSpectrogramOfTheWrongHeightOrANonFiniteValueIsRejected() {
        DataFile tall = new DataFile("npy", DoubleNd.zeros(Shape.of(1, 40, 64)), Metadata.NONE);
        DataFileException e = assertThrows(DataFileException.class, () -> domain().samples(tall));
        assertTrue(e.getMessage().contains("[1, 32, frames]"), e.getMessage());
        DataFile flat = new DataFile("npy", DoubleNd.zeros(Shape.of(32, 64)), Metadata.NONE);
        assertThrows(DataFileException.class, () -> domain().samples(flat));
        double[] v = new double[32 * 64];
        v[7] = Double.NaN;
        DataFile nan = new DataFile("npy", DoubleNd.of(Shape.of(1, 32, 64), v), Metadata.NONE);
        assertThrows(DataFileException.class, () -> domain().samples(nan));
    }

    @Test
    void aShortRecordingIsZeroPaddedToOneSample() throws IOException {
        DataFile tiny = new DataFile("wav", DoubleNd.of(Shape.of(1, 3), 0.1, 0.2, 0.3),
                Metadata.recording(8000, List.of()));
        assertEquals(Shape.of(1, 1, 32, 64), domain().samples(tiny).shape());
    }
}
