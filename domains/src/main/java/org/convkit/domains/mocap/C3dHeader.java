package org.convkit.domains.mocap;

import java.nio.ByteBuffer;

/**
 * The fields of a C3D header block (the first 512 bytes) this reader uses, words numbered from 1 as
 * in the c3d.org manual.
 *
 * @param parameterBlock        word 1 low byte: the 1-based 512-byte block where parameters start
 * @param points                word 2: 3-D points per frame
 * @param analogWords           word 3: analog values per frame (channels times samples per frame)
 * @param firstFrame            word 4, unsigned
 * @param lastFrame             word 5, unsigned (65535 when the count does not fit)
 * @param scale                 words 7-8: the point scale; negative means float data
 * @param dataBlock             word 9: the 1-based block where the 3-D data starts
 * @param analogSamplesPerFrame word 10
 * @param frameRate             words 11-12: the 3-D frame rate, Hz
 */
record C3dHeader(int parameterBlock, int points, int analogWords, int firstFrame, int lastFrame, double scale,
                 int dataBlock, int analogSamplesPerFrame, double frameRate) {

    /** The header key, word 1 high byte. */
    static final int KEY = 0x50;

    /** Decodes the header from {@code block} (512 bytes, ordered as {@code processor} says). */
    static C3dHeader decode(ByteBuffer block, C3dProcessor processor) {
        return new C3dHeader(block.get(0) & 0xFF, u16(block, 2), u16(block, 4), u16(block, 6), u16(block, 8),
                processor.getFloat(block, 12), u16(block, 16), u16(block, 18), processor.getFloat(block, 20));
    }

    /** Encodes an Intel header for float point data and no analog channels. */
    static void encode(ByteBuffer block, int points, int lastFrame, float scale, int dataBlock, float rate) {
        block.put(0, (byte) 2);
        block.put(1, (byte) KEY);
        block.putShort(2, (short) points);
        block.putShort(4, (short) 0);
        block.putShort(6, (short) 1);
        block.putShort(8, (short) lastFrame);
        block.putShort(10, (short) 0);
        block.putFloat(12, scale);
        block.putShort(16, (short) dataBlock);
        block.putShort(18, (short) 0);
        block.putFloat(20, rate);
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }
}
