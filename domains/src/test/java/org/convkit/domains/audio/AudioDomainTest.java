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

class AudioDomainTest extends DomainContractTest {

    @Override
    protected String domainName() {
        return "audio";
    }

    /** PCM16 by default: half a step of 2^-15. */
    @Override
    protected double roundTripTolerance(FileFormat format) {
        return 0.5 / 32768;
    }

    @Test
    void aStereoFileIsMixedToMonoAndResampledAsScipyDoes() throws IOException {
        // ref: scipy.io.wavfile.read(tones.wav) / 32768, mean of the channels, resample_poly(x, 320, 441)
        double[] expected = Fixtures.npy("tones-mono-8k");
        FloatNd s = domain().samples(domain().read(Fixtures.ref("tones.wav")));
        assertEquals(Shape.of(1, 1, 4096), s.shape(), "4800 samples at 8 kHz give one whole window");
        double[] got = s.toDouble().toArray();
        assertArrayEquals(Arrays.copyOf(expected, 4096), got, 1e-7, "float32 samples: within float rounding");
    }

    @Test
    void aLongRecordingIsCutIntoWholeWindowsAndAShortOneIsZeroPadded() throws IOException {
        double[] x = new double[8000 * 2 + 100];
        Arrays.fill(x, 0.25);
        DataFile twoSeconds = new DataFile("wav", DoubleNd.of(Shape.of(1, x.length), x), Metadata.recording(8000, List.of()));
        assertEquals(Shape.of(3, 1, 4096), domain().samples(twoSeconds).shape(), "16100 samples: 3 windows of 4096");
        DataFile shortOne = new DataFile("wav", DoubleNd.of(Shape.of(1, 10), Arrays.copyOf(x, 10)),
                Metadata.recording(8000, List.of()));
        float[] padded = domain().samples(shortOne).toArray();
        assertEquals(4096, padded.length);
        assertEquals(0.25f, padded[9]);
        assertEquals(0f, padded[10]);
    }

    @Test
    void theWindowingIsConfigurable() throws IOException {
        AudioDomain small = new AudioDomain(new AudioWindowSpec(8000, 100, 50));
        DataFile f = new DataFile("wav", DoubleNd.zeros(Shape.of(2, 300)), Metadata.recording(8000, List.of()));
        assertEquals(Shape.of(5, 1, 100), small.samples(f).shape(), "starts 0, 50, 100, 150, 200");
        assertEquals(Shape.of(1, 100), small.sampleShape());
    }

    @Test
    void dataWithoutARateOrSamplesIsRejected() {
        DataFile noRate = new DataFile("npy", DoubleNd.zeros(Shape.of(1, 10)), Metadata.NONE);
        DataFileException e = assertThrows(DataFileException.class, () -> domain().samples(noRate));
        assertTrue(e.getMessage().contains("sample rate"), e.getMessage());
        DataFile empty = new DataFile("wav", DoubleNd.zeros(Shape.of(1, 0)), Metadata.recording(8000, List.of()));
        assertThrows(DataFileException.class, () -> domain().samples(empty));
        DataFile volume = new DataFile("npy", DoubleNd.zeros(Shape.of(1, 2, 2)), Metadata.recording(8000, List.of()));
        assertThrows(DataFileException.class, () -> domain().samples(volume));
    }

    @Test
    void preprocessingIsTheEmptyChain() {
        assertTrue(domain().preprocessing(Metadata.recording(8000, List.of())).steps().isEmpty());
    }

    @Test
    void syntheticFilesAreOnThePcm16GridSoTheDefaultWriterIsLossless() {
        for (int c = 0; c < domain().syntheticClasses().size(); c++) {
            DataFile f = domain().syntheticFile(c, 5L);
            assertEquals(16000.0, f.metadata().sampleRate());
            for (int i = 0; i < f.data().shape().size(); i++) {
                double q = f.data().getDouble(i) * 32768;
                assertEquals(Math.rint(q), q, 0, "class " + c + " sample " + i);
            }
        }
    }

    @Test
    void syntheticClassesDifferInWhereTheirEnergyLies() {
        // the low tone is below 400 Hz: its sample-to-sample differences are small next to the high tone's
        double low = roughness(domain().syntheticFile(0, 1L));
        double high = roughness(domain().syntheticFile(1, 1L));
        assertTrue(high > 3 * low, "high " + high + " vs low " + low);
        assertFalse(Arrays.equals(domain().syntheticFile(2, 1L).data().toDouble().toArray(),
                domain().syntheticFile(2, 2L).data().toDouble().toArray()));
    }

    private static double roughness(DataFile f) {
        double d = 0;
        double e = 0;
        for (int i = 1; i < f.data().shape().size(); i++) {
            double a = f.data().getDouble(i);
            double b = f.data().getDouble(i - 1);
            d += (a - b) * (a - b);
            e += a * a;
        }
        return d / e;
    }
}
