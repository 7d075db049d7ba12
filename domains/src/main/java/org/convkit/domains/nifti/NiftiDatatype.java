package org.convkit.domains.nifti;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The NIfTI voxel types convkit decodes, with their {@code datatype} codes. Complex, RGB and
 * 128-bit types are not among them: {@link #of} returns {@code null} for those and the reader
 * rejects them naming the code.
 */
public enum NiftiDatatype {
    UINT8(2, 1),
    INT16(4, 2),
    INT32(8, 4),
    FLOAT32(16, 4),
    FLOAT64(64, 8),
    INT8(256, 1),
    UINT16(512, 2),
    UINT32(768, 4),
    INT64(1024, 8),
    UINT64(1280, 8);

    private final int code;
    private final int bytes;

    NiftiDatatype(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The header's {@code datatype} code. */
    public int code() {
        return code;
    }

    /** Bytes per voxel. */
    public int bytes() {
        return bytes;
    }

    /** Bits per voxel, the header's {@code bitpix}. */
    public int bitpix() {
        return 8 * bytes;
    }

    /** Whether the type holds integers (and so needs rounding and a range check when written). */
    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /** The lower-case name used in properties: {@code int16}, {@code float32}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a code, or {@code null} when it is not one convkit decodes. */
    public static NiftiDatatype of(int code) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** The type with the given {@link #label()}, or {@code null}. */
    public static NiftiDatatype byLabel(String label) {
        for (NiftiDatatype t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        return null;
    }

    /** What the standard calls a code convkit does not decode, for error messages. */
    static String describe(int code) {
        switch (code) {
            case 0: return "unknown";
            case 1: return "binary";
            case 32: return "complex64";
            case 128: return "rgb24";
            case 1536: return "float128";
            case 1792: return "complex128";
            case 2048: return "complex256";
            case 2304: return "rgba32";
            default: return "not a NIfTI type";
        }
    }

    /** The raw (unscaled) value at {@code offset} of {@code buf}, in the buffer's byte order. */
    double read(ByteBuffer buf, int offset) {
        switch (this) {
            case UINT8: return buf.get(offset) & 0xFF;
            case INT8: return buf.get(offset);
            case INT16: return buf.getShort(offset);
            case UINT16: return buf.getShort(offset) & 0xFFFF;
            case INT32: return buf.getInt(offset);
            case UINT32: return buf.getInt(offset) & 0xFFFF_FFFFL;
            case INT64: return buf.getLong(offset);
            case UINT64: return unsigned(buf.getLong(offset));
            case FLOAT32: return buf.getFloat(offset);
            case FLOAT64: return buf.getDouble(offset);
            default: throw new AssertionError(this);
        }
    }

    /** Writes {@code v} (already rounded and range-checked for integer types) at the buffer's position. */
    void write(ByteBuffer buf, double v) {
        switch (this) {
            case UINT8:
            case INT8: buf.put((byte) (long) v); break;
            case INT16:
            case UINT16: buf.putShort((short) (long) v); break;
            case INT32:
            case UINT32: buf.putInt((int) (long) v); break;
            case INT64: buf.putLong((long) v); break;
            case UINT64: buf.putLong(v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v); break;
            case FLOAT32: buf.putFloat((float) v); break;
            case FLOAT64: buf.putDouble(v); break;
            default: throw new AssertionError(this);
        }
    }

    /** The smallest value the type holds. */
    double min() {
        switch (this) {
            case INT8: return Byte.MIN_VALUE;
            case INT16: return Short.MIN_VALUE;
            case INT32: return Integer.MIN_VALUE;
            case INT64: return Long.MIN_VALUE;
            case FLOAT32: return -Float.MAX_VALUE;
            case FLOAT64: return -Double.MAX_VALUE;
            default: return 0;
        }
    }

    /** The largest value the type holds (for 64-bit integers, the largest double below the limit). */
    double max() {
        switch (this) {
            case UINT8: return 0xFF;
            case INT8: return Byte.MAX_VALUE;
            case INT16: return Short.MAX_VALUE;
            case UINT16: return 0xFFFF;
            case INT32: return Integer.MAX_VALUE;
            case UINT32: return 0xFFFF_FFFFL;
            case INT64: return Math.nextDown(0x1p63);
            case UINT64: return Math.nextDown(0x1p64);
            case FLOAT32: return Float.MAX_VALUE;
            default: return Double.MAX_VALUE;
        }
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
