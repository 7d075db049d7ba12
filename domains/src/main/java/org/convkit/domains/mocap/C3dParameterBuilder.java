package org.convkit.domains.mocap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes an Intel parameter section (the layout {@link C3dParameters} decodes): groups and
 * parameters in the order added, no descriptions, padded to whole 512-byte blocks. Not thread-safe;
 * one per file written.
 */
final class C3dParameterBuilder {
    private final ByteArrayOutputStream entries = new ByteArrayOutputStream();

    /** Adds group {@code id} (1 to 127). */
    C3dParameterBuilder group(int id, String name) {
        byte[] n = ascii(name);
        entries.write(n.length);
        entries.write(-id);
        entries.writeBytes(n);
        writeShort(2 + 1); // the offset field itself and the empty description's length byte
        entries.write(0);
        return this;
    }

    /** Adds an int16 parameter of group {@code id} (values kept as their low 16 bits). */
    C3dParameterBuilder int16(int id, String name, int[] dims, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return param(id, name, 2, dims, b.array());
    }

    /** Adds a float parameter of group {@code id}. */
    C3dParameterBuilder float32(int id, String name, int[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return param(id, name, 4, dims, b.array());
    }

    /**
     * Adds a character parameter holding {@code strings} padded with blanks to the longest (one
     * string: dimensions {@code [length]}; several: {@code [length, count]}).
     *
     * @throws IllegalArgumentException when a string or the count exceeds the 255 a dimension byte holds
     */
    C3dParameterBuilder strings(int id, String name, List<String> strings) {
        int len = 1;
        for (String s : strings) {
            len = Math.max(len, ascii(s).length);
        }
        if (len > 255 || strings.size() > 255) {
            throw new IllegalArgumentException("C3D parameter " + name + " holds at most 255 strings of at most 255"
                    + " characters, got " + strings.size() + " of up to " + len);
        }
        byte[] data = new byte[len * strings.size()];
        java.util.Arrays.fill(data, (byte) ' ');
        for (int i = 0; i < strings.size(); i++) {
            byte[] s = ascii(strings.get(i));
            System.arraycopy(s, 0, data, i * len, s.length);
        }
        int[] dims = strings.size() == 1 ? new int[] {len} : new int[] {len, strings.size()};
        return param(id, name, -1, dims, data);
    }

    private C3dParameterBuilder param(int id, String name, int type, int[] dims, byte[] data) {
        byte[] n = ascii(name);
        entries.write(n.length);
        entries.write(id);
        entries.writeBytes(n);
        writeShort(2 + 2 + dims.length + data.length + 1);
        entries.write(type);
        entries.write(dims.length);
        for (int d : dims) {
            entries.write(d);
        }
        entries.writeBytes(data);
        entries.write(0);
        return this;
    }

    /**
     * The section: the preamble ({@code 1, 0x50, blocks, 84}) and the entries, zero-padded to whole
     * blocks (a zero name length then ends the list).
     *
     * @throws IllegalArgumentException beyond the 255 blocks the preamble can count
     */
    byte[] toBytes() {
        int size = 4 + entries.size();
        int blocks = (size + 511) / 512;
        if (blocks > 255) {
            throw new IllegalArgumentException("C3D parameters take " + blocks + " blocks, more than 255");
        }
        byte[] out = new byte[blocks * 512];
        out[0] = 1;
        out[1] = (byte) C3dHeader.KEY;
        out[2] = (byte) blocks;
        out[3] = (byte) C3dProcessor.INTEL.code;
        System.arraycopy(entries.toByteArray(), 0, out, 4, entries.size());
        return out;
    }

    private void writeShort(int v) {
        entries.write(v & 0xFF);
        entries.write((v >>> 8) & 0xFF);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
