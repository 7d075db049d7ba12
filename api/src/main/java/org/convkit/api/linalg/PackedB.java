package org.convkit.api.linalg;

import java.util.Objects;

/**
 * A {@code k x n} right operand of {@link Sgemm#gemm(int, float[], int, int, PackedB, float, float[], int, int,
 * int)}, written row by row straight into the layout the kernels read, for a B that is built anyway
 * (a convolution's columns): the product then skips its packing pass and the row-major copy of B.
 *
 * <p>With the Vector API the layout is {@link Sgemm}'s split panels: for each block of
 * {@value Sgemm#KC} rows, slivers of 16 columns, each {@code kc} groups of 8 floats in each of two
 * arrays (a group's first eight columns in the low array, its last eight in the high one, at the
 * same index), the columns past {@code n} zero. Without it, B is row-major with row length
 * {@code n} in the low array and the high one is not used. The layout lives in a caller's arrays
 * (scratch buffers reused between calls) from one offset, {@link #size} floats long in each.
 */
public final class PackedB {
    private final float[] data;
    private final float[] high;
    private final int off;
    private final int k;
    private final int n;
    private final boolean slivers;

    /**
     * A view of {@code size(k, n)} floats of {@code low} and of {@code high} from {@code off}; its
     * contents are not read until every row has been written with {@link #setRow}.
     *
     * @throws IllegalArgumentException if a size is negative or an array is too short
     */
    public PackedB(float[] low, float[] high, int off, int k, int n) {
        this(low, high, off, k, n, Sgemm.VECTOR);
    }

    /**
     * As the public constructor, with the layout chosen: {@code slivers} false gives the row-major
     * layout whatever the run time (for tests); true needs the Vector API.
     */
    PackedB(float[] low, float[] high, int off, int k, int n, boolean slivers) {
        this.data = Objects.requireNonNull(low, "low");
        this.high = Objects.requireNonNull(high, "high");
        if (k < 0 || n < 0 || off < 0) {
            throw new IllegalArgumentException("k, n and the offset must be non-negative, got k=" + k + " n=" + n
                    + " off=" + off);
        }
        if (slivers && !Sgemm.VECTOR) {
            throw new IllegalStateException("the panel layout needs the Vector API");
        }
        this.slivers = slivers;
        long need = (long) off + size(k, n, slivers);
        if (need > data.length || slivers && need > high.length) {
            throw new IllegalArgumentException("a packed " + k + " x " + n + " matrix from offset " + off + " needs "
                    + need + " floats in each array, they hold " + data.length + " and " + high.length);
        }
        this.off = off;
        this.k = k;
        this.n = n;
    }

    /** The floats a packed {@code k x n} matrix takes in each array on this run time's path. */
    public static int size(int k, int n) {
        return size(k, n, Sgemm.VECTOR);
    }

    static int size(int k, int n, boolean slivers) {
        long s = slivers ? (long) k * padded(n) / 2 : (long) k * n;
        if (s > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a packed " + k + " x " + n + " matrix exceeds an array");
        }
        return (int) s;
    }

    /** Writes row {@code p} of B: {@code n} floats of {@code src} from {@code srcOff}. */
    public void setRow(int p, float[] src, int srcOff) {
        setRows(p, 1, src, srcOff, n);
    }

    /**
     * Writes rows {@code [p, p + count)} of B: row {@code p + r} is {@code n} floats of {@code src}
     * from {@code srcOff + r * srcStride}. In the panel layout the rows land next to each other
     * within each sliver, so this writes one contiguous run per sliver, where a row at a time
     * writes one line per sliver, the slivers a multiple of 4 KB apart (the same L1 set).
     */
    public void setRows(int p, int count, float[] src, int srcOff, int srcStride) {
        Objects.checkFromIndexSize(p, count, k);
        if (count == 0) {
            return;
        }
        if (srcStride < n) {
            throw new IllegalArgumentException("source stride " + srcStride + " is shorter than a row of " + n);
        }
        Objects.checkFromIndexSize(srcOff, (count - 1L) * srcStride + n > Integer.MAX_VALUE ? -1
                : (int) ((count - 1L) * srcStride + n), src.length);
        if (!slivers) {
            for (int r = 0; r < count; r++) {
                System.arraycopy(src, srcOff + r * srcStride, data, off + (p + r) * n, n);
            }
            return;
        }
        int nr = VectorSgemm.NR;
        int half = nr / 2;
        int whole = n / nr;
        int rest = n - whole * nr;
        int stop = p + count;
        while (p < stop) {
            // the rows of one k block: its slivers are kc groups long
            int kb = p / Sgemm.KC * Sgemm.KC;
            int kc = Math.min(Sgemm.KC, k - kb);
            int rows = Math.min(stop, kb + kc) - p;
            int step = half * kc;
            int dst = off + kb * (int) (padded(n) / 2) + (p - kb) * half;
            VectorPacking.copySlivers(src, srcOff, srcStride, rows, whole, data, high, dst, step);
            for (int r = 0; r < rows && rest > 0; r++) {
                GemmPacking.splitGroup(src, srcOff + r * srcStride + whole * nr, rest, data, high,
                        dst + whole * step + r * half);
            }
            p += rows;
            srcOff += rows * srcStride;
        }
    }

    int k() {
        return k;
    }

    int n() {
        return n;
    }

    float[] data() {
        return data;
    }

    float[] high() {
        return high;
    }

    int offset() {
        return off;
    }

    boolean slivers() {
        return slivers;
    }

    private static long padded(int n) {
        return (n + VectorSgemm.NR - 1L) / VectorSgemm.NR * VectorSgemm.NR;
    }
}
