package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test helpers that read and tamper with model archives as an outside tool would. */
final class Archives {
    private Archives() {
    }

    /** Every entry's bytes, in archive order. */
    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** Rewrites {@code file} with its entries changed by {@code edit} (a plain deflated zip). */
    static void edit(Path file, Consumer<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> entries = entries(file);
        edit.accept(entries);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A {@code .npy} file parsed as numpy.load does for {@code <f4}: its shape and values. */
    record Npy(int[] shape, float[] values) {
    }

    /**
     * Parses a {@code .npy} file independently of the library: magic, version 1.0, a header
     * dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (...), }} padded to a
     * multiple of 64 bytes, then little-endian floats.
     */
    static Npy parseFloat32Npy(byte[] b) {
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.ISO_8859_1));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int hlen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + hlen) % 64, "data starts at a multiple of 64 bytes");
        String header = new String(b, 10, hlen, StandardCharsets.ISO_8859_1);
        assertTrue(header.endsWith("\n"), header);
        Matcher m = Pattern.compile("\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n")
                .matcher(header);
        assertTrue(m.matches(), header);
        List<Integer> dims = new ArrayList<>();
        for (String d : m.group(1).split(",")) {
            if (!d.isBlank()) {
                dims.add(Integer.parseInt(d.trim()));
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        assertEquals(10 + hlen + 4L * n, b.length, "data holds exactly the declared floats");
        float[] v = new float[n];
        ByteBuffer.wrap(b, 10 + hlen, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return new Npy(shape, v);
    }
}
