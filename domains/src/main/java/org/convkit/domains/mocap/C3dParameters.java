package org.convkit.domains.mocap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convkit.api.io.DataFileException;

/**
 * The parameter section of a C3D file, decoded: parameters by {@code GROUP:NAME} (upper case).
 *
 * <p>Layout (c3d.org, "The parameter section"): four bytes (reserved, key, number of 512-byte
 * blocks, processor type), then entries. Each entry is a signed name length (negative = locked), a
 * signed group id (negative for a group, the owning group's positive id for a parameter), the name,
 * a 16-bit offset from that offset field to the next entry (0 on the last), then for a group a
 * description and for a parameter a type byte ({@code -1} char, {@code 1} byte, {@code 2} int16,
 * {@code 4} float), a dimension count, the dimensions (column-major: for strings the length first),
 * the data and a description. A zero name length or group id also ends the list.
 */
final class C3dParameters {

    /**
     * One parameter.
     *
     * @param key       {@code GROUP:NAME}
     * @param type      -1, 1, 2 or 4
     * @param dims      the dimensions as stored (empty for a scalar)
     * @param data      {@code count() * |type|} bytes
     * @param processor how numbers in {@code data} are encoded
     */
    record Parameter(String key, int type, int[] dims, byte[] data, C3dProcessor processor) {

        /** The number of elements: the product of the dimensions, 1 for a scalar. */
        int count() {
            return count(dims);
        }

        static int count(int[] dims) {
            int n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }

        /** Element {@code i} as a number: bytes and int16 signed, floats decoded for the processor. */
        double number(int i) {
            ByteBuffer b = ByteBuffer.wrap(data).order(processor.order);
            return switch (type) {
                case 1 -> data[i];
                case 2 -> b.getShort(2 * i);
                case 4 -> processor.getFloat(b, 4 * i);
                default -> Double.NaN;
            };
        }

        /**
         * Element {@code i} as a count: bytes and int16 read unsigned (C3D counts such as
         * {@code POINT:USED} go up to 65535), floats as they are.
         */
        double unsigned(int i) {
            return switch (type) {
                case 1 -> data[i] & 0xFF;
                case 2 -> ByteBuffer.wrap(data).order(processor.order).getShort(2 * i) & 0xFFFF;
                default -> number(i);
            };
        }

        /** A character parameter as strings: {@code dims[0]} characters each, trailing blanks removed. */
        List<String> strings() {
            List<String> out = new ArrayList<>();
            if (type != -1 || data.length == 0) {
                return out;
            }
            int len = dims.length == 0 ? 1 : dims[0];
            for (int at = 0; at + len <= data.length && len > 0; at += len) {
                out.add(new String(data, at, len, StandardCharsets.ISO_8859_1).strip());
            }
            return out;
        }
    }

    /** A parameter as read, before its group's name is known (groups may come after their parameters). */
    private record Entry(int group, String name, Parameter parameter) {
    }

    private final Map<String, Parameter> byKey;

    private C3dParameters(Map<String, Parameter> byKey) {
        this.byKey = byKey;
    }

    /** The parameter {@code group:name} (any case), or null. */
    Parameter get(String group, String name) {
        return byKey.get((group + ":" + name).toUpperCase(Locale.ROOT));
    }

    /** Element 0 of {@code group:name} as a count, or {@code fallback} when absent or empty. */
    double unsigned(String group, String name, double fallback) {
        Parameter p = get(group, name);
        return p == null || p.type() == -1 || p.count() == 0 ? fallback : p.unsigned(0);
    }

    /** Element 0 of {@code group:name} as a number, or {@code fallback} when absent or empty. */
    double number(String group, String name, double fallback) {
        Parameter p = get(group, name);
        return p == null || p.type() == -1 || p.count() == 0 ? fallback : p.number(0);
    }

    /** The strings of {@code group:name}, empty when absent. */
    List<String> strings(String group, String name) {
        Parameter p = get(group, name);
        return p == null ? List.of() : p.strings();
    }

    /**
     * Decodes a parameter section.
     *
     * @param section the whole section, from its four-byte preamble, ordered as {@code processor}
     *                says; every entry must lie inside it
     */
    static C3dParameters parse(Path file, ByteBuffer section, C3dProcessor processor) throws DataFileException {
        int end = section.limit();
        Map<Integer, String> groups = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        int pos = 4;
        while (pos + 2 <= end) {
            int nameLength = Math.abs(section.get(pos));
            int id = section.get(pos + 1);
            if (nameLength == 0 || id == 0) {
                break;
            }
            int offsetAt = pos + 2 + nameLength;
            if (offsetAt + 2 > end) {
                throw new DataFileException(file, "parameter section: the entry at byte " + pos
                        + " runs past the section's " + end + " bytes");
            }
            String name = new String(bytes(section, pos + 2, nameLength), StandardCharsets.ISO_8859_1)
                    .strip().toUpperCase(Locale.ROOT);
            int offset = section.getShort(offsetAt);
            int next = offsetAt + offset;
            if (offset != 0 && (offset < 2 || next > end)) {
                throw new DataFileException(file, "parameter " + name + ": offset to the next entry is " + offset
                        + ", outside the parameter section (" + end + " bytes, entry at byte " + pos + ")");
            }
            int bodyEnd = offset == 0 ? end : next;
            if (id < 0) {
                groups.putIfAbsent(-id, name);
            } else {
                entries.add(new Entry(id, name, body(file, section, name, offsetAt + 2, bodyEnd, processor)));
            }
            if (offset == 0) {
                break;
            }
            pos = next;
        }
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            String group = groups.get(e.group());
            if (group != null) { // a parameter of an undeclared group cannot be named: skipped
                String key = group + ":" + e.name();
                Parameter p = e.parameter();
                byKey.putIfAbsent(key, new Parameter(key, p.type(), p.dims(), p.data(), processor));
            }
        }
        return new C3dParameters(byKey);
    }

    private static Parameter body(Path file, ByteBuffer s, String name, int at, int end, C3dProcessor processor)
            throws DataFileException {
        if (at + 2 > end) {
            throw new DataFileException(file, "parameter " + name + ": type and dimension count run past its entry");
        }
        int type = s.get(at);
        if (type != -1 && type != 1 && type != 2 && type != 4) {
            throw new DataFileException(file, "parameter " + name + ": type is " + type
                    + " (expected -1 char, 1 byte, 2 int16 or 4 float)");
        }
        int ndims = s.get(at + 1) & 0xFF;
        if (ndims > 7 || at + 2 + ndims > end) {
            throw new DataFileException(file, "parameter " + name + ": " + ndims
                    + " dimensions (at most 7, and they must fit in the entry)");
        }
        int[] dims = new int[ndims];
        long count = 1;
        for (int d = 0; d < ndims; d++) {
            dims[d] = s.get(at + 2 + d) & 0xFF;
            count *= dims[d];
        }
        long size = count * Math.abs(type);
        int dataAt = at + 2 + ndims;
        if (dataAt + size > end) {
            throw new DataFileException(file, "parameter " + name + ": dimensions " + Arrays.toString(dims)
                    + " of type " + type + " need " + size + " bytes but its entry holds " + (end - dataAt));
        }
        return new Parameter(name, type, dims, bytes(s, dataAt, (int) size), processor);
    }

    private static byte[] bytes(ByteBuffer s, int at, int n) {
        byte[] b = new byte[n];
        s.get(at, b);
        return b;
    }
}
