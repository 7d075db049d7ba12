package org.convkit.domains.mocap;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Decodes a C3D file's 3-D points (see {@link C3dFormat} for the contract). Every size is checked
 * against the file's length before anything is allocated.
 */
final class C3dReader {
    private static final int BLOCK = 512;

    private final Path file;
    private final FileChannel channel;
    private final long length;

    private C3dReader(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.length = channel.size();
    }

    static DataFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new C3dReader(file, ch).decode();
        }
    }

    private DataFile decode() throws IOException {
        if (length < BLOCK) {
            throw fail("header: the file holds " + length + " bytes, a C3D header block needs " + BLOCK);
        }
        ByteBuffer head = readAt(0, BLOCK);
        int key = head.get(1) & 0xFF;
        if (key != C3dHeader.KEY) {
            throw fail("header word 1 key byte is 0x" + Integer.toHexString(key) + " (a C3D file has 0x50)");
        }
        int parameterBlock = head.get(0) & 0xFF;
        long sectionStart = (parameterBlock - 1L) * BLOCK;
        if (parameterBlock < 2 || sectionStart + 4 > length) {
            throw fail("header parameter block pointer is " + parameterBlock + " but the file holds "
                    + blocks(length) + " blocks");
        }
        ByteBuffer preamble = readAt(sectionStart, 4);
        int code = preamble.get(3) & 0xFF;
        C3dProcessor processor = C3dProcessor.of(code);
        if (processor == null) {
            throw fail("parameter section processor type is " + code + " (expected 84 Intel, 85 DEC or 86 MIPS)");
        }
        int sectionBlocks = preamble.get(2) & 0xFF;
        if (sectionBlocks < 1 || sectionStart + (long) sectionBlocks * BLOCK > length) {
            throw fail("parameter section block count is " + sectionBlocks + " from block " + parameterBlock
                    + " but the file holds " + blocks(length) + " blocks");
        }
        C3dHeader header = C3dHeader.decode(head.order(processor.order), processor);
        ByteBuffer section = readAt(sectionStart, sectionBlocks * BLOCK).order(processor.order);
        C3dParameters params = C3dParameters.parse(file, section, processor);
        return points(header, params, processor);
    }

    private DataFile points(C3dHeader h, C3dParameters params, C3dProcessor processor) throws IOException {
        int points = h.points();
        if (points == 0) {
            throw fail("header word 2 (points per frame) is 0: the file holds no 3-D points");
        }
        double used = params.unsigned("POINT", "USED", points);
        if (used != points) {
            throw fail("POINT:USED is " + (long) used + " but header word 2 (points per frame) is " + points);
        }
        double scale = params.number("POINT", "SCALE", h.scale());
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw fail("POINT:SCALE (header words 7-8) is " + scale + ", expected a finite non-zero value");
        }
        double rate = params.number("POINT", "RATE", h.frameRate());
        if (!(Double.isFinite(rate) && rate > 0)) {
            throw fail("POINT:RATE (header words 11-12) is " + rate + ", expected a positive frame rate");
        }
        long[] range = frameRange(h, params);
        long frames = range[1];
        boolean floats = scale < 0;
        int word = floats ? 4 : 2;
        int dataBlock = h.dataBlock() != 0 ? h.dataBlock() : (int) params.unsigned("POINT", "DATA_START", 0);
        if (dataBlock < 2) {
            throw fail("header word 9 (data start block) is " + dataBlock + ", expected at least 2");
        }
        long pointBytes = 4L * points * word;
        long frameBytes = pointBytes + (long) h.analogWords() * word;
        long start = (dataBlock - 1L) * BLOCK;
        long need = start + frames * frameBytes;
        if (need > length) {
            throw fail("header frames " + range[0] + ".." + (range[0] + frames - 1) + " (" + frames + " frames of "
                    + frameBytes + " bytes from data block " + dataBlock + ") need " + need + " bytes but the file holds "
                    + length);
        }
        long values = 3L * points * frames;
        if (values > Npy.MAX_ELEMENTS) {
            throw fail(points + " points x " + frames + " frames is " + values + " values, more than "
                    + Npy.MAX_ELEMENTS + " this reader holds");
        }
        double[] out = new double[(int) values];
        int invalid = readFrames(start, (int) frames, points, frameBytes, floats, Math.abs(scale), processor, out);
        List<String> labels = labels(params, points);
        String unit = String.join("", params.strings("POINT", "UNITS")).strip();
        List<Metadata.Channel> channels = new ArrayList<>();
        for (String label : labels) {
            for (String axis : MocapChannels.AXES) {
                channels.add(new Metadata.Channel(label + "." + axis, unit, rate, frames));
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("c3d.processor", processor.name().toLowerCase(Locale.ROOT));
        props.put("c3d.storage", floats ? "float" : "int16");
        props.put("c3d.scale", Double.toString(scale));
        props.put("c3d.firstFrame", Long.toString(range[0]));
        props.put("c3d.analogChannels", Long.toString((long) params.unsigned("ANALOG", "USED", 0)));
        props.put("c3d.analogSamplesPerFrame", Integer.toString(h.analogSamplesPerFrame()));
        props.put("c3d.invalidPoints", Integer.toString(invalid));
        Metadata meta = Metadata.recording(rate, channels)
                .withAnnotations(C3dEvents.read(params, (range[0] - 1) / rate))
                .withProperties(props);
        return new DataFile(C3dFormat.NAME, DoubleNd.of(Shape.of(3 * points, (int) frames), out), meta);
    }

    /** {first frame, frame count}: the header's, or the parameters' when the header cannot hold it. */
    private long[] frameRange(C3dHeader h, C3dParameters params) throws DataFileException {
        long first = h.firstFrame();
        long last = h.lastFrame();
        if (last >= first && last != 0xFFFF) {
            return new long[] {first, last - first + 1};
        }
        C3dParameters.Parameter end = params.get("TRIAL", "ACTUAL_END_FIELD");
        C3dParameters.Parameter begin = params.get("TRIAL", "ACTUAL_START_FIELD");
        long frames = (long) params.unsigned("POINT", "FRAMES", 0);
        if (end != null && begin != null && end.type() == 2 && begin.type() == 2 && end.count() == 2
                && begin.count() == 2) {
            long s = (long) begin.unsigned(0) + ((long) begin.unsigned(1) << 16);
            long e = (long) end.unsigned(0) + ((long) end.unsigned(1) << 16);
            if (e >= s) {
                first = s;
                frames = Math.max(frames, e - s + 1);
            }
        }
        if (frames < 1) {
            throw fail("header first frame " + h.firstFrame() + " and last frame " + h.lastFrame()
                    + " give no frames, and neither POINT:FRAMES nor TRIAL:ACTUAL_END_FIELD does");
        }
        return new long[] {first, frames};
    }

    private int readFrames(long start, int frames, int points, long frameBytes, boolean floats, double scale,
                           C3dProcessor processor, double[] out) throws IOException {
        int perChunk = (int) Math.max(1, Math.min(frames, (1L << 20) / frameBytes));
        int invalid = 0;
        for (int f0 = 0; f0 < frames; f0 += perChunk) {
            int n = Math.min(perChunk, frames - f0);
            ByteBuffer b = readAt(start + f0 * frameBytes, (int) (n * frameBytes)).order(processor.order);
            for (int k = 0; k < n; k++) {
                int at = (int) (k * frameBytes);
                int f = f0 + k;
                for (int p = 0; p < points; p++) {
                    double x;
                    double y;
                    double z;
                    boolean valid;
                    if (floats) {
                        int w = at + 16 * p;
                        x = processor.getFloat(b, w);
                        y = processor.getFloat(b, w + 4);
                        z = processor.getFloat(b, w + 8);
                        valid = !(processor.getFloat(b, w + 12) < 0);
                    } else {
                        int w = at + 8 * p;
                        x = b.getShort(w) * scale;
                        y = b.getShort(w + 2) * scale;
                        z = b.getShort(w + 4) * scale;
                        valid = b.getShort(w + 6) >= 0;
                    }
                    if (!valid) {
                        invalid++;
                        x = Double.NaN;
                        y = Double.NaN;
                        z = Double.NaN;
                    }
                    out[(3 * p) * frames + f] = x;
                    out[(3 * p + 1) * frames + f] = y;
                    out[(3 * p + 2) * frames + f] = z;
                }
            }
        }
        return invalid;
    }

    /** POINT:LABELS then LABELS2, LABELS3... (files with more than 255 points), "M<n>" for any missing. */
    private static List<String> labels(C3dParameters params, int points) {
        List<String> found = new ArrayList<>(params.strings("POINT", "LABELS"));
        for (int k = 2; found.size() < points && params.get("POINT", "LABELS" + k) != null; k++) {
            found.addAll(params.strings("POINT", "LABELS" + k));
        }
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            String l = p < found.size() ? found.get(p) : "";
            labels.add(l.isEmpty() ? MocapChannels.defaultLabel(p) : l);
        }
        return labels;
    }

    private ByteBuffer readAt(long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new EOFException(file + ": ends at byte " + (at + b.position()) + " while reading "
                        + n + " bytes from byte " + at);
            }
        }
        return b.flip();
    }

    private static long blocks(long bytes) {
        return bytes / BLOCK;
    }

    private DataFileException fail(String problem) {
        return new DataFileException(file, problem);
    }
}
