package org.convkit.api.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * The IDX format of the MNIST files ({@code train-images-idx3-ubyte} and friends), as LeCun's page
 * defines it: a 4-byte magic number {@code 0x00 0x00 <type> <ndims>}, then {@code ndims}
 * big-endian 32-bit dimensions, then the values in row-major order. Only type {@code 0x08}
 * (unsigned byte) is read, the type of every MNIST-style file; a gzip-compressed file (one that
 * starts with the gzip magic {@code 1f 8b}) is decompressed on the fly, whatever its name.
 *
 * <p>The header must declare exactly the bytes the file holds and at most {@link #MAX_ELEMENTS}
 * values; otherwise a {@link DataFileException} names the file, the field and the value, before
 * anything of the declared size is allocated (the data is read in chunks).
 */
public final class Idx {

    /** The largest value count read: what a Java array can hold. */
    public static final long MAX_ELEMENTS = Npy.MAX_ELEMENTS;

    /** The type code of unsigned bytes, the only one read. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int MAX_DIMS = 16;

    private Idx() {
    }

    /**
     * An IDX file's content: its shape and its values as raw bytes (read them with
     * {@link #unsigned(int)}). The array is the reader's own, not copied.
     */
    public record Bytes(Shape shape, byte[] data) {

        public Bytes {
            if (data.length != shape.size()) {
                throw new IllegalArgumentException(data.length + " bytes for shape " + shape);
            }
        }

        /** Value {@code flat} (row-major) as an int in {@code [0, 255]}. */
        public int unsigned(int flat) {
            return data[flat] & 0xff;
        }

        /** The values as ints in {@code [0, 255]}. */
        public int[] toInts() {
            int[] out = new int[data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = data[i] & 0xff;
            }
            return out;
        }

        /**
         * The values divided by {@code divisor}, as float32 in the same shape: {@code 255} maps them to
         * [0, 1] exactly as torchvision's {@code ToTensor} ({@code x.float().div(255)}).
         */
        public FloatNd toFloat(float divisor) {
            float[] out = new float[data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (data[i] & 0xff) / divisor;
            }
            return FloatNd.of(shape, out);
        }
    }

    /** Reads an unsigned-byte IDX file, plain or gzip-compressed; see the class comment. */
    public static Bytes read(Path file) throws IOException {
        boolean gzip = isGzip(file);
        long fileSize = Files.size(file);
        try (DataInputStream in = new DataInputStream(open(file, gzip))) {
            int[] dims = header(in, file);
            String field = "field 'dimensions' " + Arrays.toString(dims);
            long declared = count(dims, file);
            long present = fileSize - 4 - 4L * dims.length;
            if (!gzip && declared != present) {
                throw new DataFileException(file, field + " declares " + declared + " bytes of data but " + present
                        + " bytes follow the header");
            }
            byte[] data = data(in, (int) declared, file, field);
            return new Bytes(Shape.of(dims), data);
        } catch (java.util.zip.ZipException e) {
            throw new DataFileException(file, "damaged gzip data: " + e.getMessage());
        }
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (!gzip) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            if (e instanceof EOFException) {
                throw new DataFileException(file, "file ends inside the gzip header");
            }
            throw e;
        }
    }

    /** The declared bytes, then a check that nothing follows them. */
    private static byte[] data(InputStream in, int declared, Path file, String field) throws IOException {
        try {
            byte[] data = in.readNBytes(declared);
            if (data.length < declared) {
                throw new DataFileException(file, field + " declares " + declared
                        + " bytes of data but the file ends after " + data.length);
            }
            if (in.read() >= 0) {
                throw new DataFileException(file, field + " declares " + declared + " bytes of data but more follow");
            }
            return data;
        } catch (EOFException e) {
            throw new DataFileException(file, field + " declares " + declared + " bytes of data but the compressed"
                    + " stream is cut short (" + e.getMessage() + ")");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(2);
            return b.length == 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
        }
    }

    private static int[] header(DataInputStream in, Path file) throws IOException {
        try {
            return headerFields(in, file);
        } catch (EOFException e) {
            throw new DataFileException(file, "file ends inside the header");
        }
    }

    private static int[] headerFields(DataInputStream in, Path file) throws IOException {
        int zero0 = in.readUnsignedByte();
        int zero1 = in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int ndims = in.readUnsignedByte();
        if (zero0 != 0 || zero1 != 0) {
            throw new DataFileException(file, String.format("not an IDX file: the magic number starts with"
                    + " 0x%02x 0x%02x instead of 0x00 0x00", zero0, zero1));
        }
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(file, String.format("field 'type' is 0x%02x; only 0x08 (unsigned byte)"
                    + " is supported", type));
        }
        if (ndims < 1 || ndims > MAX_DIMS) {
            throw new DataFileException(file, "field 'ndims' is " + ndims + "; expected 1 to " + MAX_DIMS);
        }
        int[] dims = new int[ndims];
        for (int a = 0; a < ndims; a++) {
            long d = in.readInt() & 0xffffffffL;
            if (d > MAX_ELEMENTS) {
                throw new DataFileException(file, "field 'dimension " + a + "' is " + d + ", more than the cap of "
                        + MAX_ELEMENTS);
            }
            dims[a] = (int) d;
        }
        return dims;
    }

    private static long count(int[] dims, Path file) throws DataFileException {
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new DataFileException(file, "field 'dimensions' " + Arrays.toString(dims)
                        + " holds more than the cap of " + MAX_ELEMENTS + " values");
            }
        }
        return n;
    }
}
