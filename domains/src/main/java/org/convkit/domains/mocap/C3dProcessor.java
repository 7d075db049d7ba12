package org.convkit.domains.mocap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The processor type of a C3D file (byte 4 of the parameter section, {@code 83 + type}): it fixes
 * the byte order of integers and the encoding of floats in the header, the parameters and the data.
 */
enum C3dProcessor {
    /** 84: little-endian integers, IEEE-754 floats. */
    INTEL(84, ByteOrder.LITTLE_ENDIAN),
    /** 85: little-endian integers, VAX F-floating floats (PDP-11 word order). */
    DEC(85, ByteOrder.LITTLE_ENDIAN),
    /** 86: big-endian integers, IEEE-754 floats (SGI/MIPS). */
    MIPS(86, ByteOrder.BIG_ENDIAN);

    final int code;
    final ByteOrder order;

    C3dProcessor(int code, ByteOrder order) {
        this.code = code;
        this.order = order;
    }

    /** The processor of a parameter-section code, or null when the code is none of 84, 85, 86. */
    static C3dProcessor of(int code) {
        for (C3dProcessor p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }

    /** The float at {@code index} of {@code buf} (read in {@link #order}), as this processor encodes it. */
    double getFloat(ByteBuffer buf, int index) {
        if (this != DEC) {
            return buf.getFloat(index);
        }
        int v = buf.getInt(index); // little-endian: the first 16-bit word lands in the low half
        return decFloat(Integer.rotateLeft(v, 16));
    }

    /**
     * A VAX F-floating value from its bits in sign, 8-bit exponent, 23-bit fraction order: {@code
     * 0.1f * 2^(e - 128)}, i.e. the IEEE reading of the same bits divided by 4, computed in double so
     * that exponents 1, 2 and 255 (subnormal or infinite as IEEE) stay exact. Exponent 0 is zero, or
     * the reserved operand (NaN here) when the sign bit is set.
     */
    static double decFloat(int bits) {
        int e = (bits >>> 23) & 0xFF;
        boolean negative = bits < 0;
        if (e == 0) {
            return negative ? Double.NaN : 0.0;
        }
        double mantissa = 1.0 + (bits & 0x7FFFFF) / (double) (1 << 23);
        double v = Math.scalb(mantissa, e - 129);
        return negative ? -v : v;
    }
}
