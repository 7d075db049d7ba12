package org.convkit.domains.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.convkit.api.io.DataFileException;

/**
 * The fields of a NIfTI-1 (348 bytes) or NIfTI-2 (540 bytes) header that convkit uses, in the
 * header's own terms: {@code dim[0]} is the rank and {@code dim[1..3]} are x, y, z; {@code pixdim[0]}
 * is qfac. Decoded by {@link #parse}, which checks the size, magic, rank, dims and datatype;
 * encoded by {@link #encode}. NIfTI-1 fields are float32/int16 on disk and widened here.
 *
 * @param version    1 or 2
 * @param order      the byte order, from {@code sizeof_hdr}
 * @param dim        the 8 {@code dim} entries
 * @param datatype   the voxel type
 * @param pixdim     the 8 {@code pixdim} entries
 * @param voxOffset  where the voxels start, bytes from the file's (decompressed) start
 * @param sclSlope   the slope of {@code value = raw * slope + inter}; 0 or NaN means no scaling
 * @param sclInter   the intercept
 * @param xyztUnits  the packed spatial and temporal unit codes
 * @param descrip    the description, up to 80 characters
 * @param qformCode  0 when the quaternion fields are unused
 * @param sformCode  0 when {@code srow} is unused
 * @param quatern    {@code quatern_b, c, d, qoffset_x, y, z}
 * @param srow       {@code srow_x, srow_y, srow_z}, 12 values (the affine's first three rows)
 */
public record NiftiHeader(int version, ByteOrder order, long[] dim, NiftiDatatype datatype, double[] pixdim,
                          long voxOffset, double sclSlope, double sclInter, int xyztUnits, String descrip,
                          int qformCode, int sformCode, double[] quatern, double[] srow) {

    /** NIfTI-1 header size, {@code sizeof_hdr}. */
    public static final int SIZE1 = 348;
    /** NIfTI-2 header size. */
    public static final int SIZE2 = 540;
    /** The most voxels convkit decodes (1 GiB of float32). */
    public static final long MAX_VOXELS = 1L << 28;
    /** The largest {@code vox_offset} accepted (extensions beyond a gigabyte are not plausible). */
    public static final long MAX_OFFSET = 1L << 30;

    private static final byte[] MAGIC1 = {'n', '+', '1', 0};
    private static final byte[] MAGIC1_PAIR = {'n', 'i', '1', 0};
    private static final byte[] MAGIC2 = {'n', '+', '2', 0, '\r', '\n', 0x1A, '\n'};

    public NiftiHeader {
        dim = dim.clone();
        pixdim = pixdim.clone();
        quatern = quatern.clone();
        srow = srow.clone();
    }

    @Override
    public long[] dim() {
        return dim.clone();
    }

    @Override
    public double[] pixdim() {
        return pixdim.clone();
    }

    @Override
    public double[] quatern() {
        return quatern.clone();
    }

    @Override
    public double[] srow() {
        return srow.clone();
    }

    /** The header size of this version. */
    public int size() {
        return version == 1 ? SIZE1 : SIZE2;
    }

    /** The number of voxels {@code dim} declares. */
    public long voxels() {
        long n = 1;
        for (int a = 1; a <= dim[0]; a++) {
            n *= dim[a];
        }
        return n;
    }

    /** {@code dim[1..dim[0]]} as written in messages, e.g. {@code [5, 4, 3]}. */
    public String dimText() {
        return Arrays.toString(Arrays.copyOfRange(dim, 1, (int) dim[0] + 1));
    }

    /**
     * The header size and byte order {@code sizeof_hdr} (the first 4 bytes) announces.
     *
     * @return {@link #SIZE1} or {@link #SIZE2}, negated for big-endian
     */
    static int sizeAndOrder(Path file, byte[] first) throws DataFileException {
        if (first.length < 4) {
            throw new DataFileException(file, "sizeof_hdr is missing: the file holds " + first.length + " bytes");
        }
        int le = ByteBuffer.wrap(first, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(first, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (le == SIZE1 || le == SIZE2) {
            return le;
        }
        if (be == SIZE1 || be == SIZE2) {
            return -be;
        }
        throw new DataFileException(file, "sizeof_hdr is " + le + " (little-endian) / " + be
                + " (big-endian), expected 348 (NIfTI-1) or 540 (NIfTI-2)");
    }

    /** Whether {@code head} starts with a NIfTI-1 or NIfTI-2 single-file header (size and magic). */
    static boolean looksLikeNifti(byte[] head) {
        if (head.length < 12) {
            return false;
        }
        int le = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (le == SIZE2 || be == SIZE2) {
            return Arrays.equals(Arrays.copyOfRange(head, 4, 12), MAGIC2);
        }
        return (le == SIZE1 || be == SIZE1) && head.length >= SIZE1
                && Arrays.equals(Arrays.copyOfRange(head, 344, 348), MAGIC1);
    }

    /**
     * Decodes and checks a whole header.
     *
     * @param bytes exactly {@link #SIZE1} or {@link #SIZE2} bytes
     * @throws DataFileException naming the field at fault
     */
    public static NiftiHeader parse(Path file, byte[] bytes) throws DataFileException {
        int code = sizeAndOrder(file, bytes);
        ByteOrder order = code < 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int size = Math.abs(code);
        if (bytes.length < size) {
            throw new DataFileException(file, "header is " + bytes.length + " bytes, sizeof_hdr says " + size);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, size).order(order);
        NiftiHeader h = size == SIZE1 ? parse1(file, b) : parse2(file, b);
        h.check(file);
        return h;
    }

    private static NiftiHeader parse1(Path file, ByteBuffer b) throws DataFileException {
        byte[] magic = bytesAt(b, 344, 4);
        if (Arrays.equals(magic, MAGIC1_PAIR)) {
            throw new DataFileException(file, "magic is 'ni1' (a .hdr/.img pair); only single-file 'n+1' is supported");
        }
        if (!Arrays.equals(magic, MAGIC1)) {
            throw new DataFileException(file, "magic is " + quoted(magic) + ", expected 'n+1'");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double voxOffset = b.getFloat(108);
        if (voxOffset == 0) {
            // invalid for 'n+1' but written by some tools; nibabel reads it as the first possible offset
            voxOffset = SIZE1 + 4;
        }
        if (!(voxOffset >= SIZE1 && voxOffset <= MAX_OFFSET) || voxOffset != Math.rint(voxOffset)) {
            throw new DataFileException(file, "vox_offset is " + voxOffset + ", expected a whole number from " + SIZE1
                    + " to " + MAX_OFFSET);
        }
        double[] quatern = new double[6];
        for (int i = 0; i < 6; i++) {
            quatern[i] = b.getFloat(256 + 4 * i);
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getFloat(280 + 4 * i);
        }
        return new NiftiHeader(1, b.order(), dim, datatype(file, b.getShort(70)), pixdim, (long) voxOffset,
                b.getFloat(112), b.getFloat(116), b.get(123) & 0xFF, text(b, 148, 80), b.getShort(252),
                b.getShort(254), quatern, srow);
    }

    private static NiftiHeader parse2(Path file, ByteBuffer b) throws DataFileException {
        byte[] magic = bytesAt(b, 4, 8);
        if (!Arrays.equals(magic, MAGIC2)) {
            throw new DataFileException(file, "magic is " + quoted(magic) + ", expected 'n+2\\0\\r\\n\\032\\n'");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        long voxOffset = b.getLong(168);
        if (voxOffset < SIZE2 || voxOffset > MAX_OFFSET) {
            throw new DataFileException(file, "vox_offset is " + voxOffset + ", expected " + SIZE2 + " to "
                    + MAX_OFFSET);
        }
        double[] quatern = new double[6];
        for (int i = 0; i < 6; i++) {
            quatern[i] = b.getDouble(352 + 8 * i);
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getDouble(400 + 8 * i);
        }
        return new NiftiHeader(2, b.order(), dim, datatype(file, b.getShort(12)), pixdim, voxOffset,
                b.getDouble(176), b.getDouble(184), b.getInt(500), text(b, 240, 80), b.getInt(344), b.getInt(348),
                quatern, srow);
    }

    private void check(Path file) throws DataFileException {
        if (dim[0] < 1 || dim[0] > 7) {
            throw new DataFileException(file, "dim[0] is " + dim[0] + ", expected 1 to 7");
        }
        long n = 1;
        for (int a = 1; a <= dim[0]; a++) {
            if (dim[a] < 1) {
                throw new DataFileException(file, "dim[" + a + "] is " + dim[a] + " (dim " + dimText()
                        + "), expected positive");
            }
            if (a > 4 && dim[a] != 1) {
                throw new DataFileException(file, "dim[" + a + "] is " + dim[a] + " (dim " + dimText()
                        + "); only volumes up to 4-d (x, y, z, t) are supported");
            }
            // dim[a] <= MAX_VOXELS first, so the product cannot overflow
            n = dim[a] > MAX_VOXELS ? Long.MAX_VALUE : n * dim[a];
            if (n > MAX_VOXELS) {
                throw new DataFileException(file, "dim is " + dimText() + ", more than the " + MAX_VOXELS
                        + " voxels convkit decodes");
            }
        }
    }

    private static NiftiDatatype datatype(Path file, int code) throws DataFileException {
        NiftiDatatype t = NiftiDatatype.of(code);
        if (t == null) {
            throw new DataFileException(file, "datatype is " + code + " (" + NiftiDatatype.describe(code)
                    + "), not supported; supported: uint8, int8, int16, uint16, int32, uint32, int64, uint64, "
                    + "float32, float64");
        }
        return t;
    }

    /** The header in its version's layout and byte order ({@code magic} single-file). */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(size()).order(order);
        if (version == 1) {
            b.putInt(0, SIZE1);
            for (int i = 0; i < 8; i++) {
                b.putShort(40 + 2 * i, (short) dim[i]);
                b.putFloat(76 + 4 * i, (float) pixdim[i]);
            }
            b.putShort(70, (short) datatype.code()).putShort(72, (short) datatype.bitpix());
            b.putFloat(108, voxOffset).putFloat(112, (float) sclSlope).putFloat(116, (float) sclInter);
            b.put(123, (byte) xyztUnits);
            putText(b, 148, 80, descrip);
            b.putShort(252, (short) qformCode).putShort(254, (short) sformCode);
            for (int i = 0; i < 6; i++) {
                b.putFloat(256 + 4 * i, (float) quatern[i]);
            }
            for (int i = 0; i < 12; i++) {
                b.putFloat(280 + 4 * i, (float) srow[i]);
            }
            b.put(344, MAGIC1);
        } else {
            b.putInt(0, SIZE2);
            b.put(4, MAGIC2);
            b.putShort(12, (short) datatype.code()).putShort(14, (short) datatype.bitpix());
            for (int i = 0; i < 8; i++) {
                b.putLong(16 + 8 * i, dim[i]);
                b.putDouble(104 + 8 * i, pixdim[i]);
            }
            b.putLong(168, voxOffset).putDouble(176, sclSlope).putDouble(184, sclInter);
            putText(b, 240, 80, descrip);
            b.putInt(344, qformCode).putInt(348, sformCode);
            for (int i = 0; i < 6; i++) {
                b.putDouble(352 + 8 * i, quatern[i]);
            }
            for (int i = 0; i < 12; i++) {
                b.putDouble(400 + 8 * i, srow[i]);
            }
            b.putInt(500, xyztUnits);
        }
        return b.array();
    }

    private static byte[] bytesAt(ByteBuffer b, int at, int n) {
        byte[] out = new byte[n];
        b.get(at, out);
        return out;
    }

    private static String text(ByteBuffer b, int at, int n) {
        byte[] raw = bytesAt(b, at, n);
        int end = 0;
        while (end < n && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1).strip();
    }

    private static void putText(ByteBuffer b, int at, int n, String s) {
        byte[] raw = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(at, raw, 0, Math.min(raw.length, n - 1));
    }

    private static String quoted(byte[] raw) {
        StringBuilder s = new StringBuilder("'");
        for (byte x : raw) {
            int c = x & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.append('\'').toString();
    }
}
