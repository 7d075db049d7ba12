package org.convkit.domains.audio;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The sample encodings convkit reads and writes in WAV files, and how each maps to {@code [-1, 1)}:
 * unsigned 8-bit PCM as {@code (b - 128) / 128}, signed 16/24/32-bit PCM as {@code v / 2^(bits-1)},
 * IEEE float as is (not clipped on reading: float files may exceed 1). Writing rounds to the nearest
 * PCM step ({@code Math.round}, halves up) and clips to the encoding's range; floats are written as
 * is (float32 rounds to the nearest float).
 *
 * <p>The names ({@link #label()}) are what the {@code wav.format} property holds:
 * {@code pcm8, pcm16, pcm24, pcm32, float32, float64}.
 */
public enum WavSampleFormat {
    /** Unsigned 8-bit PCM, 128 is zero. */
    PCM8(1, false),
    /** Signed 16-bit PCM, little-endian. */
    PCM16(2, false),
    /** Signed 24-bit PCM, little-endian, three bytes per sample. */
    PCM24(3, false),
    /** Signed 32-bit PCM, little-endian. */
    PCM32(4, false),
    /** IEEE 754 binary32. */
    FLOAT32(4, true),
    /** IEEE 754 binary64. */
    FLOAT64(8, true);

    private final int bytes;
    private final boolean floating;

    WavSampleFormat(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    /** Bytes per sample of one channel (the container size). */
    public int bytes() {
        return bytes;
    }

    /** Bits per sample of one channel (the container size). */
    public int bits() {
        return bytes * 8;
    }

    /** Whether the samples are IEEE floats (format tag 3) rather than PCM integers (tag 1). */
    public boolean floating() {
        return floating;
    }

    /** The name the {@code wav.format} property uses: {@code pcm16}, {@code float32}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a {@code wav.format} property names, case-insensitive.
     *
     * @throws IllegalArgumentException naming the accepted names when there is none
     */
    public static WavSampleFormat parse(String label) {
        for (WavSampleFormat f : values()) {
            if (f.label().equalsIgnoreCase(label.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown WAV sample format '" + label
                + "' (known: pcm8, pcm16, pcm24, pcm32, float32, float64)");
    }

    /** The format of a PCM ({@code floating == false}) or float container of {@code bytes} bytes, or null. */
    static WavSampleFormat of(boolean floating, int bytes) {
        for (WavSampleFormat f : values()) {
            if (f.floating == floating && f.bytes == bytes) {
                return f;
            }
        }
        return null;
    }

    /** Reads one sample at {@code b}'s position (little-endian) and scales it to {@code [-1, 1)}. */
    double get(ByteBuffer b) {
        return switch (this) {
            case PCM8 -> ((b.get() & 0xff) - 128) / 128.0;
            case PCM16 -> b.getShort() / 32768.0;
            case PCM24 -> {
                int v = (b.get() & 0xff) | (b.get() & 0xff) << 8 | b.get() << 16;
                yield v / 8388608.0;
            }
            case PCM32 -> b.getInt() / 2147483648.0;
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
        };
    }

    /** Writes {@code v} (finite) at {@code b}'s position, quantised and clipped for PCM. */
    void put(ByteBuffer b, double v) {
        switch (this) {
            case PCM8 -> b.put((byte) (quantise(v, 128.0, -128, 127) + 128));
            case PCM16 -> b.putShort((short) quantise(v, 32768.0, Short.MIN_VALUE, Short.MAX_VALUE));
            case PCM24 -> {
                long q = quantise(v, 8388608.0, -8388608, 8388607);
                b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
            }
            case PCM32 -> b.putInt((int) quantise(v, 2147483648.0, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
        }
    }

    /** {@code round(v * scale)} clipped to {@code [lo, hi]}. */
    private static long quantise(double v, double scale, long lo, long hi) {
        return Math.max(lo, Math.min(hi, Math.round(v * scale)));
    }
}
