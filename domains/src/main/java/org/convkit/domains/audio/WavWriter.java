package org.convkit.domains.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.NdArray;

/** Encodes {@code [channels, samples]} (or {@code [samples]}) as a RIFF/WAVE file (see {@link WavFormat}). */
final class WavWriter {

    private static final int CHUNK = 1 << 16;
    private static final long MAX_RIFF = 0xFFFFFFFFL;

    private WavWriter() {
    }

    static void write(DataFile file, Path target) throws IOException {
        NdArray data = file.data();
        int rank = data.shape().rank();
        if (rank != 1 && rank != 2) {
            throw new IllegalArgumentException("WAV holds [channels, samples] or [samples], got shape " + data.shape());
        }
        int channels = rank == 1 ? 1 : data.shape().dim(0);
        int frames = rank == 1 ? data.shape().dim(0) : data.shape().dim(1);
        if (channels < 1 || channels > 0xFFFF) {
            throw new IllegalArgumentException("WAV holds 1 to 65535 channels, got " + channels + " (shape "
                    + data.shape() + ")");
        }
        double rate = file.metadata().sampleRate();
        if (!(rate >= 0.5 && rate < 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("WAV needs a sample rate in [1, 2^32) Hz, got " + rate);
        }
        Map<String, String> props = file.metadata().properties();
        WavSampleFormat format = WavSampleFormat.parse(props.getOrDefault(WavFormat.FORMAT, WavFormat.DEFAULT.label()));
        boolean extensible = props.containsKey(WavFormat.EXTENSIBLE)
                ? Boolean.parseBoolean(props.get(WavFormat.EXTENSIBLE))
                : channels > 2 || format.bits() > 16;
        checkFinite(data, frames);
        int blockAlign = channels * format.bytes();
        long dataBytes = (long) blockAlign * frames;
        byte[] header = header(format, channels, Math.round(rate), blockAlign, frames, dataBytes, extensible,
                channelMask(props, channels));
        if (header.length - 8 + dataBytes + (dataBytes & 1) > MAX_RIFF) {
            throw new IllegalArgumentException("WAV holds at most 4 GiB: " + frames + " frames of " + channels + " "
                    + format.label() + " channels need " + dataBytes + " bytes");
        }
        AtomicFiles.write(target, out -> {
            out.write(header);
            samples(out, data, format, channels, frames);
            if ((dataBytes & 1) == 1) {
                out.write(0);
            }
        });
    }

    private static void checkFinite(NdArray data, int frames) {
        for (int i = 0; i < data.shape().size(); i++) {
            double v = data.getDouble(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("WAV cannot hold the non-finite sample " + v + " at channel "
                        + (i / Math.max(1, frames)) + ", index " + (i % Math.max(1, frames)));
            }
        }
    }

    /** The {@code wav.channelMask} property when it names as many speakers as there are channels, else a default. */
    private static long channelMask(Map<String, String> props, int channels) {
        String text = props.get(WavFormat.CHANNEL_MASK);
        if (text != null) {
            try {
                long mask = Long.decode(text.strip());
                if (mask >= 0 && mask <= 0xFFFFFFFFL && Long.bitCount(mask) == channels) {
                    return mask;
                }
            } catch (NumberFormatException e) {
                // not a number: fall back to the default below
            }
        }
        return channels == 1 ? 0x4 : channels == 2 ? 0x3 : 0; // centre; front left and right; unassigned
    }

    /** RIFF header, {@code fmt } chunk, a {@code fact} chunk for floats (as the spec asks) and the data chunk header. */
    private static byte[] header(WavSampleFormat f, int channels, long rate, int blockAlign, int frames,
                                 long dataBytes, boolean extensible, long mask) {
        int tag = f.floating() ? WavFmt.IEEE_FLOAT : WavFmt.PCM;
        int fmtSize = extensible ? 40 : f.floating() ? 18 : 16;
        boolean fact = f.floating();
        int size = 12 + 8 + fmtSize + (fact ? 12 : 0) + 8;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        b.putInt((int) (size - 8 + dataBytes + (dataBytes & 1)));
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmtSize);
        b.putShort((short) (extensible ? WavFmt.EXTENSIBLE : tag)).putShort((short) channels);
        long byteRate = Math.min(rate * blockAlign, MAX_RIFF); // informative only; saturate rather than wrap
        b.putInt((int) rate).putInt((int) byteRate).putShort((short) blockAlign).putShort((short) f.bits());
        if (extensible) {
            b.putShort((short) 22).putShort((short) f.bits()).putInt((int) mask).putShort((short) tag).put(WavFmt.GUID_TAIL);
        } else if (fmtSize == 18) {
            b.putShort((short) 0);
        }
        if (fact) {
            b.put("fact".getBytes(StandardCharsets.US_ASCII)).putInt(4).putInt(frames);
        }
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return b.array();
    }

    /** Interleaves the channels frame by frame, 64 KiB at a time. */
    private static void samples(OutputStream out, NdArray data, WavSampleFormat f, int channels, int frames)
            throws IOException {
        int blockAlign = channels * f.bytes();
        int framesPerWrite = Math.max(1, CHUNK / blockAlign);
        ByteBuffer buf = ByteBuffer.allocate(framesPerWrite * blockAlign).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; frame < frames; ) {
            int n = Math.min(framesPerWrite, frames - frame);
            buf.clear();
            for (int i = 0; i < n; i++, frame++) {
                for (int c = 0; c < channels; c++) {
                    f.put(buf, data.getDouble(c * frames + frame));
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
