package org.convkit.api.linalg;

import org.convkit.api.parallel.Parallel;

/**
 * Single-precision matrix multiply {@code C = op(A) op(B) + beta C} on row-major arrays, where
 * {@code op(X)} is {@code X} or its transpose (BLAS {@code sgemm} with {@code alpha = 1}, as
 * {@code torch.mm} / {@code torch.addmm} compute it). {@code C} is {@code m x n}, {@code op(A)} is
 * {@code m x k}, {@code op(B)} is {@code k x n}; {@code lda}, {@code ldb}, {@code ldc} are the row
 * lengths of the arrays as stored, and the offsets say where element (0, 0) is. Only {@code c} is
 * modified, and only its {@code m x n} window. {@code beta} is 0 (overwrite) or 1 (accumulate).
 *
 * <p>Every element is summed in one fixed order: for each block of {@value #KC} steps of {@code k},
 * in increasing order, a chain of fused multiply-adds {@code s = fma(A[i][p], B[p][j], s)} from
 * {@code s = 0}, then {@code C[i][j] = s} (first block, {@code beta = 0}) or {@code C[i][j] + s}.
 * Threads split the rows or columns of C only, so results are bit-identical for any thread count,
 * and the Vector API path and the plain-Java fallback agree bit for bit.
 *
 * <p>With {@code jdk.incubator.vector} in the boot layer the work runs on packed panels with a
 * 6 x 16 register tile ({@link VectorSgemm}; {@code A B^T} with few rows runs there as
 * {@code (B A^T)^T}, which changes no bits since {@code fma(a, b, s) = fma(b, a, s)}); otherwise
 * on auto-vectorised loops ({@link PlainSgemm}).
 */
public final class Sgemm {
    /** The fixed {@code k} block: part of the summation order, never tuned per call. */
    static final int KC = 1024;
    /**
     * Flops each thread must get before another is used. Set when {@code Parallel} handed work to
     * an executor (tens of microseconds a call: 64 x 120 x 400 took 0.13 ms on one thread and
     * 0.33 ms on two with a 2-Mflop threshold); with its polling pool, 4 Mflop measured the same as
     * 20 on LeNet at two threads, so it stayed.
     */
    static final long FLOPS_PER_THREAD = 20_000_000L;
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorSgemm.usable();

    private Sgemm() {
    }

    /**
     * {@code C = op(A) op(B) + beta C} with {@code threads} threads, as the class describes.
     *
     * @throws IllegalArgumentException if a size is negative, {@code beta} is not 0 or 1, or a
     *                                  leading dimension is shorter than the row it holds
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads) {
        gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads, VECTOR);
    }

    /** {@link #gemm} on the plain-Java path whatever the run time offers (for tests). */
    static void gemmPlain(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads) {
        gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads, false);
    }

    /**
     * {@code C = A B + beta C} with B already in the kernels' layout ({@code A} stored untransposed,
     * {@code m x b.k()}; {@code C} is {@code m x b.n()}). The same summation order, so the same bits,
     * as {@link #gemm} with B stored row-major.
     *
     * @throws IllegalArgumentException as {@link #gemm}
     */
    public static void gemm(int m, float[] a, int aOff, int lda, PackedB b, float beta, float[] c, int cOff, int ldc,
            int threads) {
        checkArguments(false, false, m, b.n(), b.k(), beta, lda, b.n(), ldc);
        run(new GemmCall(false, false, m, b.n(), b.k(), a, aOff, lda, b.data(), b.offset(), b.n(), beta == 1f,
                c, cOff, ldc, false, b.slivers(), b.high()), threads, VECTOR);
    }

    /**
     * {@code C = A B + beta C} ({@code a.m() x b.n()}) with A packed once and each row of B a
     * shifted run of one array, so neither operand is packed here. The same summation order, so
     * the same bits, as {@link #gemm} with both stored row-major. Threads split C's columns.
     *
     * @throws IllegalArgumentException if the inner dimensions differ, {@code beta} is not 0 or 1
     *                                  or {@code ldc < b.n()}
     */
    public static void gemm(PackedA a, ShiftedB b, float beta, float[] c, int cOff, int ldc, int threads) {
        if (a.k() != b.k()) {
            throw new IllegalArgumentException("A has " + a.k() + " columns but B has " + b.k() + " rows");
        }
        checkArguments(false, false, a.m(), b.n(), a.k(), beta, a.k(), b.n(), ldc);
        boolean accumulate = beta == 1f;
        int m = a.m();
        int n = b.n();
        int k = a.k();
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            clear(m, n, accumulate, c, cOff, ldc);
            return;
        }
        if (!a.slivers()) {
            float[] rows = new float[k * n];
            for (int p = 0; p < k; p++) {
                b.copyRow(p, 0, n, rows, p * n);
            }
            GemmCall g = new GemmCall(false, false, m, n, k, a.block(0), 0, k, rows, 0, n, accumulate, c, cOff, ldc,
                    false, false, null);
            run(g, threads, false);
            return;
        }
        int strips = (n + VectorSgemm.NR - 1) / VectorSgemm.NR;
        long flops = 2L * m * n * k;
        int t = (int) Math.max(1, Math.min(Math.min(Math.max(1, threads), strips), flops / FLOPS_PER_THREAD));
        if (t == 1) {
            shifted(a, b, accumulate, c, cOff, ldc, 0, n);
        } else {
            Parallel.forRange(strips, t, (lo, hi) ->
                    shifted(a, b, accumulate, c, cOff, ldc, lo * VectorSgemm.NR, Math.min(n, hi * VectorSgemm.NR)));
        }
    }

    private static void shifted(PackedA a, ShiftedB b, boolean accumulate, float[] c, int cOff, int ldc, int c0,
                                int c1) {
        GemmScratch scratch = GemmScratch.acquire();
        try {
            VectorShifted.block(a, b, accumulate, c, cOff, ldc, c0, c1, scratch);
        } finally {
            GemmScratch.release(scratch);
        }
    }

    private static void gemm(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads, boolean vector) {
        checkArguments(transA, transB, m, n, k, beta, lda, ldb, ldc);
        run(new GemmCall(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta == 1f, c, cOff, ldc, false, false, null),
                threads, vector);
    }

    private static void run(GemmCall g, int threads, boolean vector) {
        if (g.m() == 0 || g.n() == 0) {
            return;
        }
        if (g.k() == 0) {
            clear(g.m(), g.n(), g.accumulate(), g.c(), g.cOff(), g.ldc());
            return;
        }
        if (vector) {
            if (!g.packedB() && !g.transA() && g.transB() && g.m() < g.n() && g.m() <= VectorSgemm.SWAP_MAX_M
                    && (g.m() < VectorSgemm.SWAP_MIN_M_ONE_BLOCK || g.k() > KC)) {
                // A B^T with few rows (a weight gradient gy cols^T) as (B A^T)^T: B, the big operand,
                // is then read in place instead of being interleaved (see SWAP_MIN_M_ONE_BLOCK for
                // when that pays); fma(a, b, s) = fma(b, a, s), so every element keeps its bits
                g = g.swapped();
            }
            split(g, threads, VectorSgemm.MR, VectorSgemm.NR, VectorSgemm::block);
        } else {
            split(g, threads, 1, PlainSgemm.NB, PlainSgemm::block);
        }
    }

    private static void checkArguments(boolean transA, boolean transB, int m, int n, int k, float beta,
                                       int lda, int ldb, int ldc) {
        if (beta != 0f && beta != 1f) {
            throw new IllegalArgumentException("beta must be 0 or 1, got " + beta);
        }
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sizes must be non-negative, got m=" + m + " n=" + n + " k=" + k);
        }
        checkLd("lda", lda, transA ? m : k, transA ? "A^T (k x m)" : "A (m x k)");
        checkLd("ldb", ldb, transB ? k : n, transB ? "B^T (n x k)" : "B (k x n)");
        checkLd("ldc", ldc, n, "C (m x n)");
    }

    /** A product over an empty {@code k}: C becomes zero ({@code beta = 0}) or stays. */
    private static void clear(int m, int n, boolean accumulate, float[] c, int cOff, int ldc) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
    }

    private static void checkLd(String name, int ld, int row, String stored) {
        if (ld < row) {
            throw new IllegalArgumentException(name + " = " + ld + " is shorter than a row of " + stored
                    + ", which holds " + row);
        }
    }

    /**
     * Runs {@code body} over blocks of whole row tiles ({@code rowUnit}) when there are enough for
     * every thread, else over column tiles ({@code colUnit}); small products run on one thread.
     */
    private static void split(GemmCall g, int threads, int rowUnit, int colUnit, GemmCall.Block body) {
        long flops = 2L * g.m() * g.n() * g.k();
        int t = (int) Math.max(1, Math.min(Math.max(1, threads), flops / FLOPS_PER_THREAD));
        int rowTiles = (g.m() + rowUnit - 1) / rowUnit;
        int colTiles = (g.n() + colUnit - 1) / colUnit;
        if (t == 1) {
            run(g, 0, g.m(), 0, g.n(), body);
        } else if (rowTiles >= 2 * t || rowTiles >= colTiles) {
            Parallel.forRange(rowTiles, t, (lo, hi) ->
                    run(g, lo * rowUnit, Math.min(g.m(), hi * rowUnit), 0, g.n(), body));
        } else {
            Parallel.forRange(colTiles, t, (lo, hi) ->
                    run(g, 0, g.m(), lo * colUnit, Math.min(g.n(), hi * colUnit), body));
        }
    }

    private static void run(GemmCall g, int r0, int r1, int c0, int c1, GemmCall.Block body) {
        GemmScratch scratch = GemmScratch.acquire();
        try {
            body.run(g, r0, r1, c0, c1, scratch);
        } finally {
            GemmScratch.release(scratch);
        }
    }
}
