package org.convkit.domains.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every WAV fixture made by sox reads to the values sox decodes ({@code NAME.dat}, printed to 11
 * significant digits; sox holds samples as 32-bit integers, so float files are within 2^-31 of the
 * stored floats): tolerance 1e-9, far below the 16-bit step (3e-5) and the 24-bit step (1.2e-7).
 */
class WavReadTest {

    private static final double SOX_TOLERANCE = 1e-9;
    private static final WavFormat WAV = new WavFormat();

    @ParameterizedTest
    @ValueSource(strings = {"u8", "s16", "s24", "s24-plain", "s32", "f32", "f64", "f32-3ch", "f32-extensible",
        "stereo", "three", "listed"})
    void everyFixtureReadsToTheValuesSoxDecodes(String name) throws IOException {
        double[][] sox = Fixtures.soxValues(name);
        DataFile f = WAV.read(Fixtures.wav(name));
        assertEquals(Shape.of(sox.length, sox[0].length), f.data().shape(), name);
        int n = sox[0].length;
        double[] got = f.data().toDouble().toArray();
        for (int c = 0; c < sox.length; c++) {
            assertArrayEquals(sox[c], Arrays.copyOfRange(got, c * n, (c + 1) * n), SOX_TOLERANCE, name + " channel " + c);
        }
    }

    @ParameterizedTest
    @CsvSource({"u8, pcm8, false", "s16, pcm16, false", "s24, pcm24, true", "s24-plain, pcm24, false",
        "s32, pcm32, true", "f32, float32, false", "f64, float64, false", "f32-3ch, float32, false",
        "f32-extensible, float32, true", "stereo, pcm16, false", "three, pcm16, true", "listed, pcm16, false"})
    void metadataGivesSoxsRateAndChannelsAndTheEncodingTheFixtureWasMadeWith(String name, String format,
                                                                             boolean extensible) throws IOException {
        Metadata m = WAV.read(Fixtures.wav(name)).metadata();
        assertEquals(Double.parseDouble(Fixtures.soxInfo(name, "Sample Rate")), m.sampleRate(), name);
        assertEquals(Integer.parseInt(Fixtures.soxInfo(name, "Channels")), m.channels().size(), name);
        assertEquals(format, m.properties().get(WavFormat.FORMAT), name);
        assertEquals(Boolean.toString(extensible), m.properties().get(WavFormat.EXTENSIBLE), name);
        long samples = Long.parseLong(Fixtures.soxInfo(name, "Duration").replaceAll(".*= (\\d+) samples.*", "$1"));
        assertTrue(m.channels().stream().allMatch(c -> c.samples() == samples && c.sampleRate() == m.sampleRate()), name);
    }

    @ParameterizedTest
    @CsvSource({"s16, mono", "stereo, left right", "three, ch0 ch1 ch2"})
    void channelsAreLabelledMonoLeftRightOrByIndex(String name, String labels) throws IOException {
        List<String> got = WAV.read(Fixtures.wav(name)).metadata().channels().stream()
                .map(Metadata.Channel::label).toList();
        assertEquals(List.of(labels.split(" ")), got);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s16", "f32-extensible", "listed"})
    void isFoundByMagicThroughTheRegistryEvenWithoutTheExtension(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.wav(name));
        java.nio.file.Path renamed = Files.createTempFile("no-extension", ".bin");
        try {
            Files.write(renamed, bytes);
            assertEquals(WavFormat.NAME, Domains.formatFor(renamed, Domains.formats()).name());
            assertEquals(WAV.read(Fixtures.wav(name)).data().shape(), Domains.read(renamed).data().shape());
        } finally {
            Files.delete(renamed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"f32-extensible", "three"})
    void extensibleFilesKeepTheirChannelMask(String name) throws IOException {
        String mask = WAV.read(Fixtures.wav(name)).metadata().properties().get(WavFormat.CHANNEL_MASK);
        // craft.py wrote 0x7 into f32-extensible.wav; sox writes 0 (no speaker assignment) for 3 channels
        assertEquals(name.equals("three") ? "0x0" : "0x7", mask);
    }
}
