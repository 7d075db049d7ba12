package org.convkit.domains.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WavWriteTest {

    private static final WavFormat WAV = new WavFormat();

    @TempDir
    Path dir;

    private static DataFile recording(double[][] channels, double rate, Map<String, String> props) {
        int n = channels[0].length;
        double[] flat = new double[channels.length * n];
        for (int c = 0; c < channels.length; c++) {
            System.arraycopy(channels[c], 0, flat, c * n, n);
        }
        return new DataFile("wav", DoubleNd.of(Shape.of(channels.length, n), flat),
                Metadata.recording(rate, List.of()).withProperties(props));
    }

    /** Writing what was read from a sox file gives sox's bytes, header included (sox writes the canonical layout). */
    @ParameterizedTest
    @ValueSource(strings = {"u8", "s16", "s24-plain", "f32", "f64", "f32-3ch", "stereo"})
    void rewritingASoxFileReproducesItsBytes(String name) throws IOException {
        Path out = dir.resolve(name + ".wav");
        WAV.write(WAV.read(Fixtures.wav(name)), out);
        assertArrayEquals(Files.readAllBytes(Fixtures.wav(name)), Files.readAllBytes(out), name);
    }

    @ParameterizedTest
    @EnumSource(WavSampleFormat.class)
    void everySampleFormatRoundTripsWithinHalfAStep(WavSampleFormat format) throws IOException {
        SplittableRandom rng = new SplittableRandom(17);
        double step = format.floating() ? 0 : Math.pow(2, 1 - format.bits());
        double[][] x = new double[3][257];
        for (double[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = rng.nextDouble(-1, 1 - step); // the PCM range: above the top step would clip
            }
        }
        Path out = dir.resolve(format.label() + ".wav");
        WAV.write(recording(x, 22050, Map.of(WavFormat.FORMAT, format.label())), out);
        DataFile back = WAV.read(out);
        double tolerance = format == WavSampleFormat.FLOAT32 ? Math.ulp(1.0f) / 2 : step / 2;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 257; i++) {
                assertEquals(x[c][i], back.data().getDouble(c * 257 + i), tolerance, format + " ch " + c + " i " + i);
            }
        }
        assertEquals(format.label(), back.metadata().properties().get(WavFormat.FORMAT));
        assertEquals(22050.0, back.metadata().sampleRate());
        assertEquals(List.of("ch0", "ch1", "ch2"), back.metadata().channels().stream().map(Metadata.Channel::label).toList());
    }

    @Test
    void pcmRoundsToTheNearestStepAndClipsToTheRange() throws IOException {
        double q = 1.0 / 32768;
        double[] x = {0.4 * q, 0.6 * q, -0.6 * q, 1.0, -1.0, 1.5, -7.0, 32767 * q};
        Path out = dir.resolve("clip.wav");
        WAV.write(recording(new double[][] {x}, 8000, Map.of()), out);
        byte[] bytes = Files.readAllBytes(out);
        ByteBuffer data = ByteBuffer.wrap(bytes, 44, 16).order(ByteOrder.LITTLE_ENDIAN);
        short[] got = new short[8];
        for (int i = 0; i < 8; i++) {
            got[i] = data.getShort();
        }
        assertArrayEquals(new short[] {0, 1, -1, 32767, -32768, 32767, -32768, 32767}, got);
    }

    @Test
    void eightBitIsUnsignedWithZeroAt128AndAnOddDataChunkIsPadded() throws IOException {
        Path out = dir.resolve("u8.wav");
        WAV.write(recording(new double[][] {{0, -1, 127.0 / 128}}, 8000, Map.of(WavFormat.FORMAT, "pcm8")), out);
        byte[] bytes = Files.readAllBytes(out);
        assertArrayEquals(new byte[] {(byte) 128, 0, (byte) 255, 0}, Arrays.copyOfRange(bytes, 44, 48));
        assertEquals(48, bytes.length);
        assertEquals(3, ByteBuffer.wrap(bytes, 40, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), "data chunk size");
        assertEquals(40, ByteBuffer.wrap(bytes, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), "RIFF size counts the pad");
    }

    @Test
    void withoutAFormatPropertyTheWriterUsesPlainPcm16AndExtensibleForMoreChannels() throws IOException {
        Path mono = dir.resolve("mono.wav");
        WAV.write(recording(new double[][] {{0.25, -0.25}}, 8000, Map.of()), mono);
        DataFile m = WAV.read(mono);
        assertEquals("pcm16", m.metadata().properties().get(WavFormat.FORMAT));
        assertEquals("false", m.metadata().properties().get(WavFormat.EXTENSIBLE));
        Path three = dir.resolve("three.wav");
        WAV.write(recording(new double[][] {{0.25}, {0.5}, {-0.5}}, 8000, Map.of()), three);
        assertEquals("true", WAV.read(three).metadata().properties().get(WavFormat.EXTENSIBLE));
        Map<String, String> plain = new HashMap<>(Map.of(WavFormat.EXTENSIBLE, "false", WavFormat.FORMAT, "pcm24"));
        WAV.write(recording(new double[][] {{0.25}, {0.5}, {-0.5}}, 8000, plain), three);
        assertEquals("false", WAV.read(three).metadata().properties().get(WavFormat.EXTENSIBLE));
    }

    @Test
    void aMonoRankOneArrayIsWrittenAsOneChannel() throws IOException {
        Path out = dir.resolve("vector.wav");
        WAV.write(new DataFile("wav", DoubleNd.vector(0.5, -0.5, 0.25), Metadata.recording(16000, List.of())), out);
        assertArrayEquals(new double[] {0.5, -0.5, 0.25}, WAV.read(out).data().toDouble().toArray(), 0);
    }

    @Test
    void dataThatAWavCannotHoldIsRefusedNamingWhy() {
        Path out = dir.resolve("bad.wav");
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> WAV.write(
                new DataFile("npy", DoubleNd.zeros(Shape.of(1, 2, 3)), Metadata.recording(8000, List.of())), out));
        assertTrue(rank.getMessage().contains(Shape.of(1, 2, 3).toString()), rank.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> WAV.write(
                new DataFile("npy", DoubleNd.zeros(Shape.of(1, 4)), Metadata.NONE), out));
        assertTrue(rate.getMessage().contains("sample rate"), rate.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> WAV.write(
                recording(new double[][] {{0, 0}, {0, Double.NaN}}, 8000, Map.of()), out));
        assertTrue(nan.getMessage().contains("channel 1, index 1"), nan.getMessage());
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class, () -> WAV.write(
                recording(new double[][] {{0}}, 8000, Map.of(WavFormat.FORMAT, "alaw")), out));
        assertTrue(format.getMessage().contains("alaw"), format.getMessage());
        assertTrue(Files.notExists(out), "nothing written");
    }
}
