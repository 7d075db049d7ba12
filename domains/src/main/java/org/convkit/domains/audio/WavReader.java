package org.convkit.domains.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Decodes a RIFF/WAVE file into {@code [channels, samples]} float64 (see {@link WavFormat} for the
 * rules on sizes, chunks and metadata).
 */
final class WavReader {

    /** The most samples (all channels) read: what a Java array holds. */
    static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;
    /** A {@code fmt } chunk larger than this is corrupt (the extensible one is 40 bytes). */
    private static final long MAX_FMT = 1 << 12;
    /** The data size streaming writers leave when they cannot seek back. */
    static final long STREAMING_SIZE = 0xFFFFFFFFL;
    private static final int CHUNK = 1 << 16;

    private WavReader() {
    }

    static DataFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, file);
        }
    }

    private static DataFile read(FileChannel ch, Path file) throws IOException {
        long length = ch.size();
        if (length < 12) {
            throw new DataFileException(file, "file is " + length + " bytes, too short for the 12-byte RIFF/WAVE header");
        }
        ByteBuffer head = readAt(ch, 0, 12, file, "the RIFF header");
        String riff = fourCc(head, 0);
        if (riff.equals("RF64")) {
            throw new DataFileException(file, "field 'RIFF id' is 'RF64' (WAV over 4 GiB), which is not supported");
        }
        if (!riff.equals("RIFF") || !fourCc(head, 8).equals("WAVE")) {
            throw new DataFileException(file, "field 'RIFF id' is '" + riff + "' and form '" + fourCc(head, 8)
                    + "', not 'RIFF' 'WAVE' (not a WAV file)");
        }
        long riffSize = head.getInt(4) & 0xffffffffL;
        // A RIFF size past the end of the file (streaming writers, cut files) is not trusted: chunks are
        // read to the end of the file and each chunk's own size is checked against the file length.
        boolean riffTrusted = riffSize >= 4 && riffSize + 8 <= length;
        long end = riffTrusted ? riffSize + 8 : length;
        WavFmt fmt = null;
        long pos = 12;
        while (pos + 8 <= end) {
            ByteBuffer h = readAt(ch, pos, 8, file, "a chunk header");
            String id = fourCc(h, 0);
            long size = h.getInt(4) & 0xffffffffL;
            long body = pos + 8;
            if (id.equals("data")) {
                if (fmt == null) {
                    throw new DataFileException(file, "the 'data' chunk at byte " + pos + " comes before any 'fmt ' chunk");
                }
                return decode(ch, file, fmt, body, dataSize(size, body, length, fmt, file));
            }
            if (body + size > length) {
                throw new DataFileException(file, "field 'size' of chunk '" + id + "' at byte " + pos + " is " + size
                        + " bytes but only " + (length - body) + " bytes follow its header");
            }
            if (id.equals("fmt ")) {
                if (size > MAX_FMT) {
                    throw new DataFileException(file, "field 'fmt chunk size' is " + size + " bytes, more than the "
                            + MAX_FMT + " a format chunk can need");
                }
                fmt = WavFmt.parse(readAt(ch, body, (int) size, file, "the 'fmt ' chunk").array(), file);
            }
            pos = body + size + (size & 1); // odd-sized chunks are followed by a pad byte
        }
        String missing = fmt == null ? "'fmt '" : "'data'";
        throw new DataFileException(file, "no " + missing + " chunk " + (riffTrusted
                ? "within field 'RIFF size' " + riffSize + " (the file has " + length + " bytes)"
                : "in the file's " + length + " bytes"));
    }

    /**
     * The data chunk's size in bytes, whole frames only: the declared size when the file holds it, the
     * rest of the file when the size is the streaming placeholder 0xFFFFFFFF, else an error.
     */
    private static long dataSize(long declared, long body, long length, WavFmt fmt, Path file) throws DataFileException {
        long available = length - body;
        long size = declared;
        if (declared > available) {
            if (declared != STREAMING_SIZE) {
                throw new DataFileException(file, "field 'data chunk size' is " + declared + " bytes but only "
                        + available + " bytes follow its header");
            }
            size = available;
        }
        long frames = size / fmt.blockAlign();
        if (frames * fmt.channels() > MAX_SAMPLES) {
            throw new DataFileException(file, "field 'data chunk size' " + declared + " holds " + frames + " frames of "
                    + fmt.channels() + " channels, more than the " + MAX_SAMPLES + " samples an array can hold");
        }
        return frames * fmt.blockAlign();
    }

    private static DataFile decode(FileChannel ch, Path file, WavFmt fmt, long start, long bytes) throws IOException {
        int channels = fmt.channels();
        int frames = (int) (bytes / fmt.blockAlign());
        double[] out = new double[channels * frames];
        WavSampleFormat sf = fmt.format();
        int framesPerRead = Math.max(1, CHUNK / fmt.blockAlign());
        ByteBuffer buf = ByteBuffer.allocate(framesPerRead * fmt.blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
        int frame = 0;
        while (frame < frames) {
            int n = Math.min(framesPerRead, frames - frame);
            buf.clear().limit(n * fmt.blockAlign());
            fill(ch, start + (long) frame * fmt.blockAlign(), buf, file, "the samples");
            buf.flip();
            for (int f = 0; f < n; f++, frame++) {
                for (int c = 0; c < channels; c++) {
                    out[c * frames + frame] = sf.get(buf);
                }
            }
        }
        return new DataFile(WavFormat.NAME, DoubleNd.of(Shape.of(channels, frames), out), metadata(fmt, frames));
    }

    private static Metadata metadata(WavFmt fmt, int frames) {
        List<String> labels = WavFormat.channelLabels(fmt.channels());
        List<Metadata.Channel> channels = new ArrayList<>();
        for (String label : labels) {
            channels.add(new Metadata.Channel(label, "", fmt.sampleRate(), frames));
        }
        Map<String, String> props = new HashMap<>();
        props.put(WavFormat.FORMAT, fmt.format().label());
        props.put(WavFormat.EXTENSIBLE, Boolean.toString(fmt.extensible()));
        if (fmt.extensible()) {
            props.put(WavFormat.CHANNEL_MASK, "0x" + Long.toHexString(fmt.channelMask()));
        }
        if (fmt.validBits() != fmt.format().bits()) {
            props.put(WavFormat.VALID_BITS, Integer.toString(fmt.validBits()));
        }
        return Metadata.recording(fmt.sampleRate(), channels).withProperties(props);
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int n, Path file, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        fill(ch, pos, b, file, what);
        b.flip();
        return b;
    }

    private static void fill(FileChannel ch, long pos, ByteBuffer b, Path file, String what) throws IOException {
        long at = pos;
        while (b.hasRemaining()) {
            int r = ch.read(b, at);
            if (r < 0) {
                throw new DataFileException(file, "file ends at byte " + at + " inside " + what + " (from byte " + pos + ")");
            }
            at += r;
        }
    }

    /** Four bytes as text, non-printable bytes as {@code \xNN}. */
    private static String fourCc(ByteBuffer b, int at) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = b.get(at + i) & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return s.toString();
    }
}
