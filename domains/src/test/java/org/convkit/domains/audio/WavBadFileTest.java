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
import org.convkit.api.domain.DataFile;
import org.convkit.api.io.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted copies of sox's {@code s16.wav} (44-byte canonical header: RIFF size at byte 4, fmt
 * chunk at 12, data chunk header at 36, its size at 40, 240 samples from 44) and of
 * {@code three.wav} (extensible).
 */
class WavBadFileTest {

    private static final WavFormat WAV = new WavFormat();

    @TempDir
    Path dir;

    private static byte[] s16() throws IOException {
        return Files.readAllBytes(Fixtures.wav("s16"));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void putInt(byte[] b, int at, long v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) v);
    }

    private static void putShort(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    }

    private String rejected(String name, byte[] bytes) throws IOException {
        Path p = file(name, bytes);
        DataFileException e = assertThrows(DataFileException.class, () -> WAV.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), "names the file: " + e.getMessage());
        assertEquals(p, e.file());
        return e.getMessage();
    }

    @Test
    void wrongMagicIsRejectedNamingTheRiffId() throws IOException {
        byte[] b = s16();
        b[0] = 'R';
        b[1] = 'I';
        b[2] = 'F';
        b[3] = 'X';
        assertTrue(rejected("magic.wav", b).contains("'RIFX'"));
        byte[] form = s16();
        form[8] = 'A';
        assertTrue(rejected("form.wav", form).contains("'AAVE'"));
    }

    @Test
    void aFileShorterThanTheRiffHeaderIsRejected() throws IOException {
        assertTrue(rejected("short.wav", Arrays.copyOf(s16(), 7)).contains("7 bytes"));
    }

    @Test
    void aTruncatedDataChunkIsRejectedNamingTheDataChunkSize() throws IOException {
        String m = rejected("cut.wav", Arrays.copyOf(s16(), 300));
        assertTrue(m.contains("'data chunk size' is 480 bytes but only 256 bytes follow"), m);
    }

    @Test
    void aLyingDataSizeIsRejectedBeforeAllocating() throws IOException {
        byte[] b = s16();
        putInt(b, 40, 0x7FFFFFF0L);
        assertTrue(rejected("huge.wav", b).contains("'data chunk size' is 2147483632 bytes"));
    }

    @Test
    void theStreamingDataSizeMeansToTheEndOfTheFile() throws IOException {
        byte[] b = s16();
        putInt(b, 4, 0xFFFFFFFFL);
        putInt(b, 40, 0xFFFFFFFFL);
        DataFile f = WAV.read(file("stream.wav", b));
        assertArrayEquals(WAV.read(Fixtures.wav("s16")).data().toDouble().toArray(), f.data().toDouble().toArray(), 0);
    }

    @Test
    void aRiffSizeBeyondTheFileIsIgnored() throws IOException {
        byte[] b = s16();
        putInt(b, 4, 1_000_000);
        assertEquals(240, WAV.read(file("riff-big.wav", b)).data().shape().dim(1));
    }

    @Test
    void bytesAfterTheRiffChunkAreIgnored() throws IOException {
        byte[] b = Arrays.copyOf(s16(), s16().length + 10);
        Arrays.fill(b, s16().length, b.length, (byte) 0x5A);
        assertEquals(240, WAV.read(file("trailing.wav", b)).data().shape().dim(1));
    }

    @Test
    void aRiffSizeEndingBeforeTheDataChunkIsRejectedNamingIt() throws IOException {
        byte[] b = s16();
        putInt(b, 4, 28); // WAVE + the fmt chunk only
        String m = rejected("riff-small.wav", b);
        assertTrue(m.contains("no 'data' chunk within field 'RIFF size' 28"), m);
    }

    @Test
    void aPartialLastFrameIsDropped() throws IOException {
        byte[] b = s16();
        putInt(b, 40, 479);
        assertEquals(239, WAV.read(file("partial.wav", b)).data().shape().dim(1));
    }

    @Test
    void aChunkRunningPastTheEndBeforeTheDataIsRejectedNamingIt() throws IOException {
        byte[] b = s16();
        putInt(b, 16, 5000); // the fmt chunk's size
        String m = rejected("fmt-long.wav", b);
        assertTrue(m.contains("'size' of chunk 'fmt ' at byte 12 is 5000 bytes"), m);
    }

    @Test
    void aMissingFormatChunkIsRejected() throws IOException {
        byte[] b = s16();
        b[12] = 'x'; // rename 'fmt ' so it is skipped as unknown
        assertTrue(rejected("nofmt.wav", b).contains("'data' chunk at byte 36 comes before any 'fmt ' chunk"));
    }

    @Test
    void unsupportedEncodingsAreRejectedNamingTheFormatTag() throws IOException {
        byte[] b = s16();
        putShort(b, 20, 6); // A-law
        assertTrue(rejected("alaw.wav", b).contains("'format tag' is 0x0006"));
    }

    @Test
    void zeroChannelsOrRateOrABadBlockAlignAreRejectedNamingTheField() throws IOException {
        byte[] channels = s16();
        putShort(channels, 22, 0);
        assertTrue(rejected("ch0.wav", channels).contains("'channels' is 0"));
        byte[] rate = s16();
        putInt(rate, 24, 0);
        assertTrue(rejected("rate0.wav", rate).contains("'sample rate' is 0"));
        byte[] align = s16();
        putShort(align, 32, 0);
        assertTrue(rejected("align0.wav", align).contains("'block align' is 0"));
        byte[] bits = s16();
        putShort(bits, 34, 24); // 24 bits in a 2-byte container
        assertTrue(rejected("bits.wav", bits).contains("'bits per sample' is 24"));
    }

    @Test
    void anExtensibleSubformatOtherThanPcmOrFloatIsRejectedNamingTheGuid() throws IOException {
        byte[] b = Files.readAllBytes(Fixtures.wav("three"));
        b[44] = 2; // the subformat GUID starts at byte 44: 0x0002 is MS ADPCM
        assertTrue(rejected("adpcm.wav", b).contains("'subformat'"));
    }

    @Test
    void rf64IsRejectedAsUnsupported() throws IOException {
        byte[] b = s16();
        b[0] = 'R';
        b[1] = 'F';
        b[2] = '6';
        b[3] = '4';
        Path p = file("big.wav", b);
        assertTrue(WAV.recognises(p, b));
        assertTrue(rejected("big2.wav", b).contains("RF64"));
    }
}
