package org.convkit.api.linalg;

import java.util.Objects;

/**
 * An {@code m x k} left operand packed once for many products with {@link Sgemm#gemm(PackedA,
 * ShiftedB, float, float[], int, int, int)}: a layer's weights, multiplied with every batch item's
 * columns, are then interleaved once per pass instead of once per item.
 *
 * <p>With the Vector API each block of {@value Sgemm#KC} columns of A is held as slivers of 6
 * rows, each {@code kc} groups of 6 floats (rows past {@code m} zero), the layout the kernels read.
 * Without it, A is kept row-major. The contents are a copy: later changes to the source do not
 * reach it.
 */
public final class PackedA {
    private final int m;
    private final int k;
    private final boolean slivers;
    /** One array per k block (slivers), or the row-major copy as the only element. */
    private final float[][] blocks;

    /**
     * Packs rows {@code [0, m)}, columns {@code [0, k)} of the row-major {@code a} from {@code aOff}
     * with row length {@code lda}.
     *
     * @throws IllegalArgumentException if a size is negative, {@code lda < k} or the array is too short
     */
    public PackedA(float[] a, int aOff, int lda, int m, int k) {
        this(a, aOff, lda, m, k, Sgemm.VECTOR);
    }

    /** As the public constructor, with the layout chosen ({@code slivers} needs the Vector API; for tests). */
    PackedA(float[] a, int aOff, int lda, int m, int k, boolean slivers) {
        Objects.requireNonNull(a, "a");
        if (m < 0 || k < 0 || aOff < 0) {
            throw new IllegalArgumentException("m, k and the offset must be non-negative, got m=" + m + " k=" + k
                    + " off=" + aOff);
        }
        if (lda < k) {
            throw new IllegalArgumentException("lda = " + lda + " is shorter than a row of A (m x k), which holds "
                    + k);
        }
        if (m > 0 && k > 0 && aOff + (m - 1L) * lda + k > a.length) {
            throw new IllegalArgumentException("an " + m + " x " + k + " matrix from offset " + aOff
                    + " with row length " + lda + " does not fit in " + a.length + " floats");
        }
        if (slivers && !Sgemm.VECTOR) {
            throw new IllegalStateException("the sliver layout needs the Vector API");
        }
        this.m = m;
        this.k = k;
        this.slivers = slivers;
        if (!slivers) {
            float[] copy = new float[m * k];
            for (int i = 0; i < m; i++) {
                System.arraycopy(a, aOff + i * lda, copy, i * k, k);
            }
            this.blocks = new float[][] {copy};
            return;
        }
        int mr = VectorSgemm.MR;
        int rows = (m + mr - 1) / mr * mr;
        this.blocks = new float[(k + Sgemm.KC - 1) / Sgemm.KC][];
        for (int pc = 0, b = 0; pc < k; pc += Sgemm.KC, b++) {
            int kc = Math.min(Sgemm.KC, k - pc);
            blocks[b] = new float[rows * kc];
            GemmPacking.packA(false, a, aOff, lda, 0, m, pc, kc, mr, blocks[b]);
        }
    }

    /** The rows of A. */
    public int m() {
        return m;
    }

    /** The columns of A (the inner dimension of the product). */
    public int k() {
        return k;
    }

    boolean slivers() {
        return slivers;
    }

    /** The slivers of the k block from column {@code pc} (a multiple of {@link Sgemm#KC}), or the row-major copy. */
    float[] block(int pc) {
        return blocks[slivers ? pc / Sgemm.KC : 0];
    }
}
