package org.convkit.api.linalg;

import java.util.ArrayDeque;

/**
 * Packing buffers for one thread of one {@link Sgemm} call, kept in a small shared pool so that
 * repeated calls (a network's layers, batch after batch) reuse them instead of allocating a
 * megabyte per call. {@code Parallel}'s workers are short-lived threads, which is why this is a
 * pool and not a {@code ThreadLocal}. Buffers only grow; their contents never carry over between
 * uses (every region read is written first in the same call).
 */
final class GemmScratch {
    private static final int POOL_SIZE = 4;
    private static final ArrayDeque<GemmScratch> POOL = new ArrayDeque<>();

    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] c = new float[0];
    private float[] lo = new float[0];
    private float[] hi = new float[0];
    private float[][] rows = new float[0][];

    private GemmScratch() {
    }

    /** A scratch object for the calling thread's exclusive use until {@link #release}. */
    static GemmScratch acquire() {
        synchronized (POOL) {
            GemmScratch s = POOL.poll();
            return s != null ? s : new GemmScratch();
        }
    }

    /** Returns {@code s} to the pool; the caller must not use it afterwards. */
    static void release(GemmScratch s) {
        synchronized (POOL) {
            if (POOL.size() < POOL_SIZE) {
                POOL.push(s);
            }
        }
    }

    /** The packed-A buffer, at least {@code size} floats. */
    float[] a(int size) {
        a = atLeast(a, size);
        return a;
    }

    /** The plain path's row of B, at least {@code size} floats. */
    float[] b(int size) {
        b = atLeast(b, size);
        return b;
    }

    /** The left halves of packed B slivers (see {@link VectorSgemm}), at least {@code size} floats. */
    float[] lo(int size) {
        lo = atLeast(lo, size);
        return lo;
    }

    /** The right halves of packed B slivers, at the same indices as {@link #lo}. */
    float[] hi(int size) {
        hi = atLeast(hi, size);
        return hi;
    }

    /** A third buffer (edge tiles, accumulator rows), at least {@code size} floats. */
    float[] c(int size) {
        c = atLeast(c, size);
        return c;
    }

    /** {@code count} separate rows of at least {@code len} floats (each one zero-based). */
    float[][] rows(int count, int len) {
        if (rows.length < count || rows[0].length < len) {
            rows = new float[count][len];
        }
        return rows;
    }

    private static float[] atLeast(float[] buffer, int size) {
        return buffer.length < size ? new float[size] : buffer;
    }
}
