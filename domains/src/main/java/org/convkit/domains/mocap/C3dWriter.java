package org.convkit.domains.mocap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.NdArray;

/**
 * Encodes 3-D points as an Intel, float C3D file (see {@link C3dFormat}): header block, parameter
 * section from block 2 (groups POINT, ANALOG with no channels, TRIAL, and EVENT when there are
 * annotations), then one frame after another of x, y, z and a residual word per point.
 */
final class C3dWriter {
    /** Written as the header and POINT:SCALE: negative means float data; its magnitude scales residuals. */
    static final float SCALE = -1f;
    private static final int POINT = 1;
    private static final int ANALOG = 2;
    private static final int TRIAL = 3;
    private static final int EVENT = 4;

    private C3dWriter() {
    }

    static void write(DataFile file, Path target) throws IOException {
        int markers = MocapChannels.markers(file, C3dFormat.NAME);
        if (markers > 0xFFFF) {
            throw new IllegalArgumentException("C3D holds at most 65535 points per frame, got " + markers);
        }
        double rate = file.metadata().sampleRate();
        if (!(Double.isFinite(rate) && rate > 0 && (float) rate > 0)) {
            throw new IllegalArgumentException("C3D needs a positive frame rate (POINT:RATE), got " + rate);
        }
        NdArray data = file.data();
        int frames = data.shape().dim(1);
        if (frames == 0) {
            throw new IllegalArgumentException("C3D needs at least one frame, got shape " + data.shape());
        }
        // the section's size does not depend on POINT:DATA_START: encode once to size it, then for real
        int dataBlock = 2 + parameters(file, markers, frames, (float) rate, 0).length / 512;
        byte[] params = parameters(file, markers, frames, (float) rate, dataBlock);
        byte[] header = new byte[512];
        C3dHeader.encode(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN), markers, Math.min(frames, 0xFFFF),
                SCALE, dataBlock, (float) rate);
        AtomicFiles.write(target, out -> {
            out.write(header);
            out.write(params);
            ByteBuffer frame = ByteBuffer.allocate(16 * markers).order(ByteOrder.LITTLE_ENDIAN);
            long written = 0;
            for (int f = 0; f < frames; f++) {
                frame.clear();
                for (int m = 0; m < markers; m++) {
                    double x = data.getDouble((3 * m) * frames + f);
                    double y = data.getDouble((3 * m + 1) * frames + f);
                    double z = data.getDouble((3 * m + 2) * frames + f);
                    boolean valid = !(Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(z));
                    frame.putFloat(valid ? (float) x : 0f).putFloat(valid ? (float) y : 0f)
                            .putFloat(valid ? (float) z : 0f).putFloat(valid ? 0f : -1f);
                }
                out.write(frame.array());
                written += frame.capacity();
            }
            out.write(new byte[(int) ((512 - written % 512) % 512)]);
        });
    }

    private static byte[] parameters(DataFile file, int markers, int frames, float rate, int dataBlock) {
        C3dParameterBuilder b = new C3dParameterBuilder();
        b.group(POINT, "POINT")
                .int16(POINT, "USED", new int[0], markers)
                .int16(POINT, "FRAMES", new int[0], Math.min(frames, 0xFFFF))
                .int16(POINT, "DATA_START", new int[0], dataBlock)
                .float32(POINT, "SCALE", new int[0], SCALE)
                .float32(POINT, "RATE", new int[0], rate);
        String unit = MocapChannels.unit(file);
        if (!unit.isEmpty()) {
            b.strings(POINT, "UNITS", List.of(unit));
        }
        List<String> labels = MocapChannels.labels(file, markers);
        for (int from = 0, k = 1; from < markers; from += 255, k++) {
            List<String> part = new ArrayList<>(labels.subList(from, Math.min(markers, from + 255)));
            if (part.size() == 1) {
                part.add(""); // keep dimensions [length, count] even for one label
            }
            b.strings(POINT, k == 1 ? "LABELS" : "LABELS" + k, part);
        }
        b.group(ANALOG, "ANALOG").int16(ANALOG, "USED", new int[0], 0);
        b.group(TRIAL, "TRIAL")
                .int16(TRIAL, "ACTUAL_START_FIELD", new int[] {2}, 1, 0)
                .int16(TRIAL, "ACTUAL_END_FIELD", new int[] {2}, frames & 0xFFFF, frames >>> 16);
        C3dEvents.write(b, EVENT, file.metadata().annotations());
        return b.toBytes();
    }
}
