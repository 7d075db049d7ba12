package org.convkit.api.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * NumPy's {@code .npy} format (numpy.save / numpy.load), C order only.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0 and the dtypes {@code <f8 >f8} (read as
 * float64), {@code <f4 >f4} (float32) and {@code <i2 <i4 <i8 |u1 |i1} (converted to float64;
 * {@code <i8} values beyond 2^53 are rounded). The header must declare exactly the bytes the file
 * holds, and at most {@link #MAX_ELEMENTS} elements, so a corrupt header is reported instead of
 * allocating. {@code fortran_order: True} is refused.
 *
 * <p>Writing produces version 1.0 (2.0 only when the header exceeds 65535 bytes) with {@code <f8}
 * for float64 and {@code <f4} for float32, the header padded so the data starts at a multiple of 64
 * bytes, as numpy does; the file is replaced atomically ({@link AtomicFiles}).
 */
public final class Npy {

    /** The largest element count read or written: what a Java array can hold. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;
    private static final int CHUNK = 1 << 16;

    private Npy() {
    }

    /** Reads an array; see the class comment for what is accepted. */
    public static NdArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, ch.size(), file);
        }
    }

    /**
     * Reads an array from the whole content of a {@code .npy} file held in memory (e.g. an entry of
     * a zip archive); errors are {@link DataFileException}s naming {@code source}.
     */
    public static NdArray read(byte[] content, Path source) throws IOException {
        return read(Channels.newChannel(new ByteArrayInputStream(content)), content.length, source);
    }

    /** Reads from {@code ch}, which holds {@code size} bytes from its current position. */
    private static NdArray read(ReadableByteChannel ch, long size, Path file) throws IOException {
        ByteBuffer pre = readFully(ch, 8, file, "the magic string and version");
        byte[] magic = new byte[6];
        pre.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DataFileException(file, "not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = pre.get() & 0xff;
        int minor = pre.get() & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new DataFileException(file, "unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        long headerLen = major == 1
                ? readFully(ch, 2, file, "the header length").order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffffL
                : readFully(ch, 4, file, "the header length").order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (headerLen > MAX_HEADER) {
            throw new DataFileException(file, "header length " + headerLen + " exceeds the cap of " + MAX_HEADER + " bytes");
        }
        ByteBuffer hb = readFully(ch, (int) headerLen, file, "the header (" + headerLen + " bytes declared)");
        String text = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text, file);
        if (h.fortranOrder()) {
            throw new DataFileException(file, "fortran_order is True; only C-order arrays are supported"
                    + " (save numpy.ascontiguousarray(a))");
        }
        Element el = Element.of(h.descr(), file);
        Shape shape = shapeOf(h.shape(), file);
        long declared = (long) shape.size() * el.size();
        long present = size - (10L + (major == 1 ? 0 : 2) + headerLen);
        if (declared != present) {
            throw new DataFileException(file, "field 'shape' " + shapeText(h.shape()) + " with descr '" + h.descr()
                    + "' declares " + declared + " bytes of data but " + present + " bytes follow the header");
        }
        return readData(ch, el, shape, file);
    }

    /** Writes {@code a} as {@code <f8} or {@code <f4}, replacing {@code file} atomically. */
    public static void write(Path file, NdArray a) throws IOException {
        AtomicFiles.write(file, out -> write(out, a));
    }

    /**
     * Writes the bytes of a {@code .npy} file holding {@code a} (as {@link #write(Path, NdArray)}
     * would) to {@code out}, which is left open.
     */
    public static void write(OutputStream out, NdArray a) throws IOException {
        boolean f64 = a.dtype() == DType.FLOAT64;
        int[] dims = a.shape().dims();
        String dict = new NpyHeader(f64 ? "<f8" : "<f4", false, Arrays.stream(dims).asLongStream().toArray()).render();
        out.write(paddedHeader(dict));
        writeData(out, a, f64);
    }

    /** Magic, version, length and the dictionary padded with spaces and a newline to 64 bytes. */
    private static byte[] paddedHeader(String dict) {
        int lenBytes = 2;
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        if (total - 10 > 65535) {
            lenBytes = 4;
            total = (12 + dict.length() + 1 + 63) / 64 * 64;
        }
        int prefix = 6 + 2 + lenBytes;
        int hlen = total - prefix;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (lenBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lenBytes == 2) {
            b.putShort((short) hlen);
        } else {
            b.putInt(hlen);
        }
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = dict.length(); i < hlen - 1; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** Little-endian data in 64 KiB chunks, bulk-copied from the backing array. */
    private static void writeData(OutputStream out, NdArray a, boolean f64) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int n = a.shape().size();
        int per = f64 ? 8 : 4;
        for (int i = 0; i < n; ) {
            int m = Math.min(n - i, CHUNK / per);
            buf.clear();
            if (a instanceof DoubleNd d) {
                buf.asDoubleBuffer().put(d.data(), d.offset() + i, m);
            } else if (a instanceof FloatNd f) {
                buf.asFloatBuffer().put(f.data(), f.offset() + i, m);
            } else {
                throw new IllegalArgumentException("unsupported array type " + a.getClass().getName());
            }
            out.write(buf.array(), 0, m * per);
            i += m;
        }
    }

    private static NdArray readData(ReadableByteChannel ch, Element el, Shape shape, Path file) throws IOException {
        int n = shape.size();
        NdArray out = el.float32() ? FloatNd.zeros(shape) : DoubleNd.zeros(shape);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(el.order());
        int i = 0;
        while (i < n) {
            buf.clear();
            buf.limit((int) Math.min(CHUNK, (long) (n - i) * el.size()));
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new DataFileException(file, "file ended after " + i + " of " + n + " elements");
                }
            }
            buf.flip();
            int m = buf.remaining() / el.size();
            if (out instanceof DoubleNd d && el.kind() == 'f' && el.size() == 8) {
                buf.asDoubleBuffer().get(d.data(), i, m);
                i += m;
            } else if (out instanceof FloatNd f) {
                buf.asFloatBuffer().get(f.data(), i, m);
                i += m;
            } else {
                while (buf.remaining() >= el.size()) {
                    out.setDouble(i++, el.get(buf));
                }
            }
        }
        return out;
    }

    private static Shape shapeOf(long[] dims, Path file) throws DataFileException {
        long count = 1;
        int[] d = new int[dims.length];
        for (int a = 0; a < dims.length; a++) {
            count *= dims[a];
            if (dims[a] > MAX_ELEMENTS || count > MAX_ELEMENTS) {
                throw new DataFileException(file, "field 'shape' " + shapeText(dims) + " holds more than "
                        + MAX_ELEMENTS + " elements, the most an array can hold");
            }
            d[a] = (int) dims[a];
        }
        return Shape.of(d);
    }

    private static String shapeText(long[] dims) {
        return new NpyHeader("", false, dims).render().replaceFirst(".*'shape': ", "").replace(", }", "");
    }

    private static ByteBuffer readFully(ReadableByteChannel ch, int n, Path file, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new DataFileException(file, "file ends inside " + what);
            }
        }
        b.flip();
        return b;
    }

    /** An element type the reader accepts: kind ('f' or 'i', 'u'), size in bytes, byte order. */
    private record Element(char kind, int size, ByteOrder order) {

        boolean float32() {
            return kind == 'f' && size == 4;
        }

        static Element of(String descr, Path file) throws DataFileException {
            ByteOrder le = ByteOrder.LITTLE_ENDIAN;
            return switch (descr) {
                case "<f8" -> new Element('f', 8, le);
                case ">f8" -> new Element('f', 8, ByteOrder.BIG_ENDIAN);
                case "<f4" -> new Element('f', 4, le);
                case ">f4" -> new Element('f', 4, ByteOrder.BIG_ENDIAN);
                case "<i8" -> new Element('i', 8, le);
                case "<i4" -> new Element('i', 4, le);
                case "<i2" -> new Element('i', 2, le);
                case "|u1" -> new Element('u', 1, le);
                case "|i1" -> new Element('i', 1, le);
                default -> throw new DataFileException(file, "field 'descr' '" + descr + "' is not supported"
                        + " (supported: <f8 >f8 <f4 >f4 <i8 <i4 <i2 |u1 |i1)");
            };
        }

        double get(ByteBuffer b) {
            if (kind == 'f') {
                return size == 8 ? b.getDouble() : b.getFloat();
            }
            return switch (size) {
                case 8 -> b.getLong();
                case 4 -> b.getInt();
                case 2 -> b.getShort();
                default -> kind == 'u' ? b.get() & 0xff : b.get();
            };
        }
    }
}
