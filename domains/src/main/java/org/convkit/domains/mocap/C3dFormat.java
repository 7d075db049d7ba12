package org.convkit.domains.mocap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;

/**
 * C3D, the biomechanics motion-capture format (c3d.org): 512-byte blocks, a header block, a
 * parameter section of named groups, then the frames.
 *
 * <p>Reading: Intel (84), DEC (85, VAX floats) and MIPS (86, big-endian) files, integer (scaled by
 * {@code POINT:SCALE}) or float ({@code POINT:SCALE < 0}) point data. The result is float64
 * {@code [points * 3, frames]}, rows {@code LABEL.x, LABEL.y, LABEL.z} from {@code POINT:LABELS}
 * ({@code LABELS2}... beyond 255 points, {@code M<n>} when unnamed), in {@code POINT:UNITS} (as
 * stored, usually mm); sample rate {@code POINT:RATE} (else the header's). A point whose residual
 * word is negative (the C3D mark of an invalid or occluded point) reads as NaN in x, y and z.
 * Analog samples that follow each frame's points are skipped (their count is in the properties).
 * The frame count is the header's (words 4 and 5); when the header cannot hold it (last frame 65535,
 * or before the first) {@code TRIAL:ACTUAL_START_FIELD}/{@code ACTUAL_END_FIELD} and
 * {@code POINT:FRAMES} are used. The parameters take precedence over the header for the scale and
 * the rate; {@code POINT:USED} must equal header word 2; the data starts at header word 9
 * ({@code POINT:DATA_START} only when that is 0). EVENT-group events become annotations.
 *
 * <p>Writing: Intel, float point data (scale -1), points only: x, y, z as float32 and a residual
 * word 0.0 (valid, residual unknown) or -1.0 with x, y, z 0 when any of the three is NaN. A point
 * with one NaN coordinate therefore reads back with all three NaN.
 */
public final class C3dFormat implements FileFormat {
    /** The format's name. */
    public static final String NAME = "c3d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("c3d");
    }

    /**
     * A {@code .c3d} name, or a header whose key byte is 0x50, parameter block 2 and data block
     * after it: one key byte alone would also match {@code \x89PNG} and {@code %PDF}.
     */
    @Override
    public boolean recognises(Path file, byte[] head) {
        if (Domains.hasExtension(file, extensions())) {
            return true;
        }
        if (head.length < 20 || (head[1] & 0xFF) != C3dHeader.KEY || head[0] != 2) {
            return false;
        }
        int dataBlock = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getShort(16) & 0xFFFF;
        int bigEndian = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getShort(16) & 0xFFFF;
        return dataBlock >= 3 && dataBlock < 0x8000 || bigEndian >= 3 && bigEndian < 0x8000;
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return C3dReader.read(file);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        C3dWriter.write(file, target);
    }
}
