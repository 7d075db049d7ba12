package org.convkit.domains.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.convkit.api.io.DataFileException;

/**
 * A WAV file's {@code fmt } chunk, decoded and checked: PCM (tag 1), IEEE float (tag 3) or
 * WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE) whose subformat GUID is PCM or IEEE float.
 *
 * <p>The container size of one sample is {@code blockAlign / channels} bytes, which is what the
 * reader steps by; {@code bitsPerSample} (and the extensible {@code validBits}) may be smaller, the
 * sample then being left-justified in its container, so dividing by the container's full scale is
 * still right. The byte rate is not checked: writers often get it wrong and nothing depends on it.
 *
 * @param format      the sample encoding
 * @param channels    channel count, at least 1
 * @param sampleRate  samples per second per channel, at least 1
 * @param blockAlign  bytes per frame (one sample of every channel)
 * @param validBits   significant bits per sample ({@code bitsPerSample}, or the extensible {@code wValidBitsPerSample})
 * @param extensible  whether the chunk was WAVE_FORMAT_EXTENSIBLE
 * @param channelMask the extensible speaker mask, 0 otherwise
 */
record WavFmt(WavSampleFormat format, int channels, long sampleRate, int blockAlign, int validBits,
              boolean extensible, long channelMask) {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;
    /** The last 14 bytes of KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT, after the 2-byte format tag. */
    static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};

    /** Decodes a {@code fmt } chunk body of {@code body.length} bytes. */
    static WavFmt parse(byte[] body, Path file) throws DataFileException {
        if (body.length < 16) {
            throw new DataFileException(file, "field 'fmt chunk size' is " + body.length + " bytes, need at least 16");
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getShort() & 0xffff;
        int channels = b.getShort() & 0xffff;
        long rate = b.getInt() & 0xffffffffL;
        b.getInt(); // byte rate: not checked, see the class comment
        int blockAlign = b.getShort() & 0xffff;
        int bits = b.getShort() & 0xffff;
        if (channels == 0) {
            throw new DataFileException(file, "field 'channels' is 0");
        }
        if (rate == 0) {
            throw new DataFileException(file, "field 'sample rate' is 0");
        }
        if (blockAlign == 0 || blockAlign % channels != 0) {
            throw new DataFileException(file, "field 'block align' is " + blockAlign + ", not a positive multiple of the "
                    + channels + " channels");
        }
        int container = blockAlign / channels;
        boolean extensible = tag == EXTENSIBLE;
        int valid = bits;
        long mask = 0;
        int subTag = tag;
        if (extensible) {
            if (body.length < 40) {
                throw new DataFileException(file, "field 'fmt chunk size' is " + body.length
                        + " bytes, but WAVE_FORMAT_EXTENSIBLE needs 40");
            }
            int cbSize = b.getShort() & 0xffff;
            if (cbSize < 22) {
                throw new DataFileException(file, "field 'cbSize' is " + cbSize + ", but WAVE_FORMAT_EXTENSIBLE needs 22");
            }
            valid = b.getShort() & 0xffff;
            mask = b.getInt() & 0xffffffffL;
            subTag = b.getShort() & 0xffff;
            byte[] tail = new byte[14];
            b.get(tail);
            if (!Arrays.equals(tail, GUID_TAIL) || (subTag != PCM && subTag != IEEE_FLOAT)) {
                throw new DataFileException(file, "field 'subformat' is GUID " + guid(subTag, tail)
                        + ", not PCM or IEEE float (0000000" + PCM + "- or 0000000" + IEEE_FLOAT
                        + "-0000-0010-8000-00aa00389b71)");
            }
            if (valid == 0) {
                valid = bits;
            }
        }
        if (subTag != PCM && subTag != IEEE_FLOAT) {
            throw new DataFileException(file, "field 'format tag' is 0x" + String.format("%04X", tag)
                    + ", not supported (supported: 0x0001 PCM, 0x0003 IEEE float, 0xFFFE extensible)");
        }
        WavSampleFormat format = WavSampleFormat.of(subTag == IEEE_FLOAT, container);
        if (format == null) {
            throw new DataFileException(file, "field 'block align' " + blockAlign + " gives " + container
                    + "-byte samples, not supported for " + (subTag == IEEE_FLOAT ? "IEEE float (4 or 8)" : "PCM (1 to 4)"));
        }
        if (bits == 0 || bits > container * 8 || valid > container * 8 || (format.floating() && bits != container * 8)) {
            throw new DataFileException(file, "field 'bits per sample' is " + bits + (valid != bits ? " (valid " + valid + ")" : "")
                    + " for " + container + "-byte " + (format.floating() ? "float" : "PCM") + " samples");
        }
        return new WavFmt(format, channels, rate, blockAlign, valid, extensible, mask);
    }

    private static String guid(int subTag, byte[] tail) {
        StringBuilder s = new StringBuilder(String.format("%04x", subTag));
        for (byte x : tail) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
