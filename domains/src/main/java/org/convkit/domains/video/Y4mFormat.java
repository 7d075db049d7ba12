package org.convkit.domains.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * YUV4MPEG2 ({@code .y4m}), the uncompressed stream of mjpegtools and ffmpeg, 8 bits per sample:
 * read as {@code [3, frames, H, W]} RGB (or {@code [1, frames, H, W]} for {@code Cmono}) through
 * {@link Bt601}, {@code sampleRate} the frame rate.
 *
 * <p>Chroma: 4:4:4, 4:2:2 and 4:2:0 (the {@code 420jpeg}, {@code 420paldv} and {@code 420mpeg2}
 * sitings are treated alike) are upsampled by repetition: each chroma sample covers its 2 x 2 (or 2 x 1)
 * block. Writes {@code C444} by default, or the chroma of the property {@value #CHROMA} (subsampled
 * chroma is the mean of the block's exact values, then rounded), limited range unless the property
 * {@value #RANGE} is {@code full}; monochrome data (one channel) is written as {@code Cmono}, full range.
 *
 * <p>Every frame's {@code FRAME} marker and planes are checked against the file length before anything
 * of the video's size is allocated; a cut frame is an error naming it.
 */
public final class Y4mFormat implements FileFormat {

    /** Metadata property: the {@code C} tag read or to write ({@code 444}, {@code 420jpeg}, ...). */
    public static final String CHROMA = "y4m.chroma";
    /** Metadata property: {@code full} or {@code limited}. */
    public static final String RANGE = "y4m.range";
    /** Metadata property: the {@code F} field as read ({@code 30000:1001}), kept when it matches the rate. */
    public static final String FRAME_RATE = "y4m.frameRate";
    /** Metadata property: the {@code I} letter. */
    public static final String INTERLACE = "y4m.interlace";
    /** Metadata property: the {@code A} field. */
    public static final String ASPECT = "y4m.aspect";

    private static final int MAX_LINE = 4096;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    @Override
    public String name() {
        return "y4m";
    }

    @Override
    public List<String> extensions() {
        return List.of("y4m");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return new String(head, 0, Math.min(head.length, 10), StandardCharsets.ISO_8859_1).equals("YUV4MPEG2 ");
    }

    @Override
    public DataFile read(Path file) throws IOException {
        long length = Files.size(file);
        if (length == 0) {
            throw new DataFileException(file, "the file is empty");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] first = readAt(ch, 0, (int) Math.min(length, MAX_LINE));
            int nl = indexOf(first, '\n');
            String text = new String(first, 0, nl < 0 ? first.length : nl, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("YUV4MPEG2")) {
                throw new DataFileException(file, "not a YUV4MPEG2 file: it does not start with 'YUV4MPEG2 '");
            }
            if (nl < 0) {
                throw new DataFileException(file, "the header line has no end within " + first.length + " bytes (truncated)");
            }
            Y4mHeader h = Y4mHeader.parse(text, file);
            List<Long> frames = frameOffsets(ch, file, length, nl + 1, h);
            int c = h.mono() ? 1 : 3;
            int plane = h.width() * h.height();
            float[] out = new float[c * frames.size() * plane];
            for (int f = 0; f < frames.size(); f++) {
                ByteBuffer b = ByteBuffer.allocate((int) h.frameBytes());
                readFully(ch, b, frames.get(f), file, f);
                decode(b.array(), h, out, f, frames.size());
            }
            return new DataFile(name(), FloatNd.of(Shape.of(c, frames.size(), h.height(), h.width()), out),
                    metadata(h, c, frames.size()));
        }
    }

    /** Walks the FRAME markers, checking each frame against the length; the offsets of the planes. */
    private static List<Long> frameOffsets(FileChannel ch, Path file, long length, long start, Y4mHeader h)
            throws IOException {
        List<Long> offsets = new ArrayList<>();
        long frameValues = (h.mono() ? 1L : 3L) * h.width() * h.height();
        long pos = start;
        while (pos < length) {
            int n = offsets.size() + 1;
            byte[] marker = readAt(ch, pos, (int) Math.min(length - pos, MAX_LINE));
            String head = new String(marker, 0, Math.min(5, marker.length), StandardCharsets.ISO_8859_1);
            if (!head.equals("FRAME")) {
                throw new DataFileException(file, "frame " + n + ": expected 'FRAME' at byte " + pos + ", found '"
                        + head.replaceAll("[^\\x20-\\x7e]", "?") + "'");
            }
            int nl = indexOf(marker, '\n');
            if (nl < 0) {
                throw new DataFileException(file, "frame " + n + ": its FRAME line at byte " + pos + " has no end (truncated)");
            }
            long data = pos + nl + 1;
            if (h.frameBytes() > length - data) {
                throw new DataFileException(file, "frame " + n + " is truncated: " + h.width() + " x " + h.height() + " C"
                        + h.chroma() + " needs " + h.frameBytes() + " bytes from byte " + data + " but the file ends "
                        + (length - data) + " bytes after it");
            }
            if ((offsets.size() + 1) * frameValues > MAX_VALUES) {
                throw new DataFileException(file, "frame " + n + ": the video holds more than the cap of " + MAX_VALUES
                        + " values");
            }
            offsets.add(data);
            pos = data + h.frameBytes();
        }
        if (offsets.isEmpty()) {
            throw new DataFileException(file, "no frames after the header (truncated?)");
        }
        return offsets;
    }

    private static void decode(byte[] b, Y4mHeader h, float[] out, int f, int frames) {
        int w = h.width();
        int plane = w * h.height();
        int frameOffset = f * plane;
        Bt601 yuv = new Bt601(h.fullRange());
        if (h.mono()) {
            for (int i = 0; i < plane; i++) {
                out[frameOffset + i] = (float) yuv.luma(b[i] & 0xff);
            }
            return;
        }
        int cw = h.chromaWidth();
        int cbAt = plane;
        int crAt = plane + cw * h.chromaHeight();
        int channelStride = frames * plane;
        double[] rgb = new double[3];
        for (int y = 0; y < h.height(); y++) {
            int crow = (y / h.chromaStepY()) * cw;
            for (int x = 0; x < w; x++) {
                int ci = crow + x / h.chromaStepX();
                yuv.toRgb(b[y * w + x] & 0xff, b[cbAt + ci] & 0xff, b[crAt + ci] & 0xff, rgb);
                int at = frameOffset + y * w + x;
                out[at] = (float) rgb[0];
                out[channelStride + at] = (float) rgb[1];
                out[2 * channelStride + at] = (float) rgb[2];
            }
        }
    }

    private static Metadata metadata(Y4mHeader h, int channels, int frames) {
        List<Metadata.Channel> labels = new ArrayList<>();
        for (String l : channels == 1 ? List.of("grey") : List.of("red", "green", "blue")) {
            labels.add(new Metadata.Channel(l, "", h.rate(), frames));
        }
        return Metadata.recording(h.rate(), labels).withProperties(Map.of(CHROMA, h.chroma(),
                RANGE, h.fullRange() ? "full" : "limited", FRAME_RATE, h.rateNum() + ":" + h.rateDen(),
                INTERLACE, h.interlace(), ASPECT, h.aspect()));
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        FloatNd data = file.data().toFloat();
        Shape s = data.shape();
        if (s.rank() != 4 || (s.dim(0) != 1 && s.dim(0) != 3) || s.dim(1) < 1) {
            throw new IllegalArgumentException("y4m holds [1 or 3 channels, frames, height, width] with at least one"
                    + " frame, got shape " + s);
        }
        Y4mHeader header = Y4mWriter.header(s, file.metadata());
        AtomicFiles.write(target, out -> Y4mWriter.write(data, header, out));
    }

    private static byte[] readAt(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                break;
            }
        }
        return b.position() == n ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos, Path file, int f) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new DataFileException(file, "frame " + (f + 1) + " is truncated (the file shrank while read)");
            }
        }
    }

    private static int indexOf(byte[] b, char c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
