package org.convkit.api.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link Sgemm}: BLIS-style loops over packed panels around a 6 x 16
 * register tile (twelve 256-bit accumulators, two B loads and six broadcasts per {@code k} step,
 * fifteen of the sixteen AVX2 registers). Loading this class throws {@link LinkageError} when
 * {@code jdk.incubator.vector} is not in the run-time image; {@link Sgemm} checks first.
 *
 * <p>Loops, outer to inner: columns in blocks of {@value #NC}; {@code k} in blocks of
 * {@value Sgemm#KC} (B block packed, read from L2/L3); rows in blocks of {@value #MC} (two A
 * slivers); 16-column slivers of B; 6-row slivers of A. A long {@code k} block and a small A block
 * measured best here: each C tile is then loaded and stored once per 1024 steps instead of once per
 * 256, and a B sliver streams from L2 while the A slivers it meets stay near. Measured in one JVM,
 * alternating builds (1024^3 on Zen 3, AVX2): KC 256 / MC 24 ran 65-81 ms where KC 1024 / MC 12
 * ran 27-45 ms, and the conv2d-layer benchmark went from about 300 to 130-210 ms. The kernel
 * loops count over A's packed index, with B's index a second induction variable: counting over
 * {@code p} made C2 rewrite {@code 6 p} as {@code 4 p + 2 p}, which costs instructions and keeps
 * the range checks in the loop. A packed B sliver is split in two arrays: its left eight columns
 * in {@code lo}, its right eight in {@code hi}, step {@code p} of both at the same index. The
 * kernel's two B loads then share one index, and the second load's range check compares that
 * index as it is, where {@code b + 8} in one array cost a copy and an add per step (28 to 26
 * fused operations per 12 fmas). The count matters here when another tenant's thread shares the
 * core's FMA units, which this host has often (a register-only fma loop swings between 55 and 92
 * GFLOPS while a scalar latency chain keeps its speed). Paired against one array in one JVM, the
 * median 1024^3 product ran 3% faster and conv2d-layer 2%; against torch.mm, one run each in
 * turn on the same CPU, the median paired ratio went from 0.82-0.90 to 0.87-0.97 over four pairs
 * of sessions. When a thread's block has at most {@value #DIRECT_A_MAX_N}
 * columns, a stored (untransposed) A is not packed: {@link #kernelRows} broadcasts from its six
 * rows in place (so {@code A B^T} with few rows, run by {@link Sgemm} as {@code (B A^T)^T}, packs
 * only the small operand; C is then written transposed). Each C element gets,
 * per {@code k} block in increasing order, a fused multiply-add chain from zero that is then stored
 * or added to C: the order {@link Sgemm} documents, whatever tile or thread computes it. A
 * {@link PackedB} is already in the split layout for all its {@code k} blocks and full width, so
 * its slivers are read where they are and nothing of B is packed.
 */
final class VectorSgemm {
    static final int MR = 6;
    static final int NR = 16;
    static final int MC = 12;
    static final int NC = 2048;
    /** {@link Sgemm} runs {@code A B^T} as {@code (B A^T)^T} when A has at most this many rows (and fewer than B). */
    static final int SWAP_MAX_M = 64;
    /**
     * {@code A B^T} with at least this many rows is swapped only when {@code k} spans several
     * blocks: with one block, interleaving B into panels and running {@link #kernel} beat reading
     * B in place with {@link #kernelRows}. Measured (A B^T, m x n x k, GFLOPS, swapped against not): conv weight
     * gradients 40 x 550 x 976 31 against 42, 64 x 576 x 896 40 against 52, 40 x 440 x 244 32 against
     * 33; but 16 x 150 x 100 31 against 26, 6 x 25 x 784 11 against 9, and with k over a block
     * 32 x 432 x 1200 44 against 35, 16 x 216 x 2400 66 against 31.
     */
    static final int SWAP_MIN_M_ONE_BLOCK = 32;
    /** A stored A is read in place, unpacked, when a thread's block has at most this many columns. */
    static final int DIRECT_A_MAX_N = 64;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = 8;

    private VectorSgemm() {
    }

    /** Whether the 256-bit kernel runs on vector hardware here (false makes {@link Sgemm} use the plain path). */
    static boolean usable() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /** Computes rows {@code [r0, r1)} and columns {@code [c0, c1)} of {@code C}. */
    static void block(GemmCall g, int r0, int r1, int c0, int c1, GemmScratch scratch) {
        // a stored (not transposed) A is read in place when few columns would share its packing
        // (reading a stored B in place for few rows measured slower: 0.55x on eeg1d's forward)
        boolean directA = !g.transA() && c1 - c0 <= DIRECT_A_MAX_N;
        int kcMax = Math.min(g.k(), Sgemm.KC);
        int ncMax = Math.min(c1 - c0, NC);
        boolean packed = g.packedB();
        int half = kcMax * roundUp(ncMax, NR) / 2;
        float[] lo = packed ? g.b() : scratch.lo(half);
        float[] hi = packed ? g.bHigh() : scratch.hi(half);
        float[] ap = directA ? null : scratch.a(kcMax * roundUp(Math.min(r1 - r0, MC), MR));
        float[] tile = scratch.c(MR * NR);
        float[] a = g.a();
        int lda = g.lda();
        for (int jc = c0; jc < c1; jc += NC) {
            int nc = Math.min(NC, c1 - jc);
            for (int pc = 0; pc < g.k(); pc += Sgemm.KC) {
                int kc = Math.min(Sgemm.KC, g.k() - pc);
                boolean add = pc > 0 || g.accumulate();
                // where this block's slivers start: a PackedB holds all k blocks, slivers of the full width
                int bBase = packed ? g.bOff() + pc * roundUp(g.n(), NR) / 2 + jc / 2 * kc : 0;
                if (!packed) {
                    VectorPacking.packB(g, jc, nc, pc, kc, lo, hi);
                }
                for (int ic = r0; ic < r1; ic += MC) {
                    int mc = Math.min(MC, r1 - ic);
                    if (!directA) {
                        GemmPacking.packA(g.transA(), a, g.aOff(), lda, ic, mc, pc, kc, MR, ap);
                    }
                    panel(g, ic, mc, jc, nc, pc, kc, add, directA, ap, lo, hi, bBase, tile);
                }
            }
        }
    }

    /**
     * Rows {@code [ic, ic + mc)} (packed in {@code ap}, or read in place when {@code directA})
     * against every sliver of the packed B panel at {@code bBase}, columns {@code [jc, jc + nc)}.
     * A method of its own, called once per A block, so that it is compiled early: the loops as
     * part of {@link #block} (called once per product and thread) ran for the first dozen two-thread
     * 1024^3 products at C1's profiling tier, at half speed (36-50 ms where the compiled code takes
     * 20 ms).
     */
    private static void panel(GemmCall g, int ic, int mc, int jc, int nc, int pc, int kc, boolean add,
                              boolean directA, float[] ap, float[] lo, float[] hi, int bBase, float[] tile) {
        float[] a = g.a();
        int lda = g.lda();
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int bo = bBase + jr / 2 * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                if (directA) {
                    // rows past the edge repeat the sliver's first row; their sums are dropped
                    int a0 = g.aOff() + (ic + ir) * lda + pc;
                    int a1 = a0 + (mr > 1 ? lda : 0);
                    int a2 = a0 + (mr > 2 ? 2 * lda : 0);
                    int a3 = a0 + (mr > 3 ? 3 * lda : 0);
                    int a4 = a0 + (mr > 4 ? 4 * lda : 0);
                    int a5 = a0 + (mr > 5 ? 5 * lda : 0);
                    if (nr > L) {
                        kernelRows(kc, a, a0, a1, a2, a3, a4, a5, lo, hi, bo, tile);
                    } else {
                        kernelRowsHalf(kc, a, a0, a1, a2, a3, a4, a5, lo, bo, tile);
                    }
                } else if (nr > L && mr > 4) {
                    kernel(kc, ap, ir * kc, lo, hi, bo, tile);
                } else if (nr > L) {
                    kernelFour(kc, ap, ir * kc, lo, hi, bo, tile);
                } else {
                    kernelHalf(kc, ap, ir * kc, lo, bo, tile);
                }
                store(g, tile, ic + ir, jc + jr, mr, nr, add);
            }
        }
    }

    /** Writes the {@code mr x nr} corner of {@code tile} into C at row {@code i}, column {@code j}. */
    private static void store(GemmCall g, float[] tile, int i, int j, int mr, int nr, boolean add) {
        if (g.transC()) {
            storeTransposed(tile, g.c(), g.cOff() + j * g.ldc() + i, g.ldc(), mr, nr, add);
        } else if (mr == MR && nr == NR) {
            flush(tile, g.c(), g.cOff() + i * g.ldc() + j, g.ldc(), add);
        } else {
            addEdge(tile, g.c(), g.cOff() + i * g.ldc() + j, g.ldc(), mr, nr, add);
        }
    }

    /**
     * Writes the tile's transpose: column {@code q} of the tile goes to the C row at
     * {@code co + q * ldc}, as {@code mr} consecutive elements (one pass per C row, not a cache
     * line per element).
     */
    private static void storeTransposed(float[] tile, float[] c, int co, int ldc, int mr, int nr, boolean add) {
        for (int q = 0; q < nr; q++) {
            int at = co + q * ldc;
            if (add) {
                for (int r = 0; r < mr; r++) {
                    c[at + r] += tile[r * NR + q];
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    c[at + r] = tile[r * NR + q];
                }
            }
        }
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    static void addEdge(float[] tile, float[] c, int co, int ldc, int mr, int nr, boolean add) {
        for (int r = 0; r < mr; r++) {
            int cr = co + r * ldc;
            for (int j = 0; j < nr; j++) {
                c[cr + j] = add ? c[cr + j] + tile[r * NR + j] : tile[r * NR + j];
            }
        }
    }

    /**
     * The 6 x 16 tile: {@code tile[r * 16 + j] = sum_p A[r][p] B[p][j]} over one packed A sliver
     * at {@code ao} and one packed B sliver at {@code bo}, {@code kc} steps. C is updated by the
     * caller: keeping this method free of C and of branches keeps its compiled code stable. The
     * accumulators are stored here, as in every kernel, never through a helper taking them as
     * arguments: C2 did not always inline such a helper and then boxed all twelve vectors per call.
     */
    static void kernel(int kc, float[] ap, int ao, float[] lo, float[] hi, int bo, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        // the loop counts over A's index (see the class comment); a hand-unrolled body (two or
        // four steps) measured slower, so the loop stays plain
        int b = bo;
        for (int a = ao, end = ao + kc * MR; a < end; a += MR, b += L) {
            FloatVector b0 = FloatVector.fromArray(S, lo, b);
            FloatVector b1 = FloatVector.fromArray(S, hi, b);
            FloatVector av = FloatVector.broadcast(S, ap[a]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, ap[a + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, ap[a + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, ap[a + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, ap[a + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, ap[a + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 8);
        c10.intoArray(tile, 16);
        c11.intoArray(tile, 24);
        c20.intoArray(tile, 32);
        c21.intoArray(tile, 40);
        c30.intoArray(tile, 48);
        c31.intoArray(tile, 56);
        c40.intoArray(tile, 64);
        c41.intoArray(tile, 72);
        c50.intoArray(tile, 80);
        c51.intoArray(tile, 88);
    }

    /**
     * {@link #kernel} with A read in place: row {@code r} of the sliver is {@code a[ar + p]},
     * {@code p < kc}; B packed as for {@link #kernel}. The same fma chain per element. The loop
     * counts over B's index, with {@code p} a second induction variable: counting over {@code p}
     * let C2 remove every range check and load all six broadcasts at the top of the body, which
     * spilled four accumulators to the stack (a load and a store around each of their fmas);
     * this form measured 1.2-2.7x faster on weight-gradient shapes.
     */
    private static void kernelRows(int kc, float[] a, int a0, int a1, int a2, int a3, int a4, int a5,
                                   float[] lo, float[] hi, int bo, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        int p = 0;
        for (int bi = bo, end = bo + kc * L; bi < end; bi += L, p++) {
            FloatVector b0 = FloatVector.fromArray(S, lo, bi);
            FloatVector b1 = FloatVector.fromArray(S, hi, bi);
            FloatVector av = FloatVector.broadcast(S, a[a0 + p]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[a1 + p]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[a2 + p]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[a3 + p]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[a4 + p]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[a5 + p]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 8);
        c10.intoArray(tile, 16);
        c11.intoArray(tile, 24);
        c20.intoArray(tile, 32);
        c21.intoArray(tile, 40);
        c30.intoArray(tile, 48);
        c31.intoArray(tile, 56);
        c40.intoArray(tile, 64);
        c41.intoArray(tile, 72);
        c50.intoArray(tile, 80);
        c51.intoArray(tile, 88);
    }

    /**
     * {@link #kernel} for an edge sliver of at most 4 rows (8 accumulators, still enough to cover
     * the FMA latency): rows 0..3 of each packed A group are read and of {@code tile} written.
     */
    static void kernelFour(int kc, float[] ap, int ao, float[] lo, float[] hi, int bo, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int b = bo;
        for (int a = ao, end = ao + kc * MR; a < end; a += MR, b += L) {
            FloatVector b0 = FloatVector.fromArray(S, lo, b);
            FloatVector b1 = FloatVector.fromArray(S, hi, b);
            FloatVector av = FloatVector.broadcast(S, ap[a]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, ap[a + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, ap[a + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, ap[a + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
    }

    /**
     * {@link #kernel} for an edge sliver of at most 8 columns: only the first half of each packed
     * B group is read (the rest is zero padding), and columns 0..7 of {@code tile} are written.
     */
    private static void kernelHalf(int kc, float[] ap, int ao, float[] lo, int bo, float[] tile) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        int b = bo;
        for (int a = ao, end = ao + kc * MR; a < end; a += MR, b += L) {
            FloatVector b0 = FloatVector.fromArray(S, lo, b);
            c0 = FloatVector.broadcast(S, ap[a]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[a + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[a + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[a + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, ap[a + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, ap[a + 5]).fma(b0, c5);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        c4.intoArray(tile, 4 * NR);
        c5.intoArray(tile, 5 * NR);
    }

    /** {@link #kernelRows} for an edge sliver of at most 8 columns, as {@link #kernelHalf}. */
    private static void kernelRowsHalf(int kc, float[] a, int a0, int a1, int a2, int a3, int a4, int a5,
                                       float[] lo, int bo, float[] tile) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        int p = 0;
        for (int bi = bo, end = bo + kc * L; bi < end; bi += L, p++) {
            FloatVector b0 = FloatVector.fromArray(S, lo, bi);
            c0 = FloatVector.broadcast(S, a[a0 + p]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[a4 + p]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[a5 + p]).fma(b0, c5);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        c4.intoArray(tile, 4 * NR);
        c5.intoArray(tile, 5 * NR);
    }

    /** Stores ({@code add} false) or adds a full 6 x 16 tile from {@code tile} into C at {@code co}. */
    static void flush(float[] tile, float[] c, int co, int ldc, boolean add) {
        for (int r = 0; r < MR; r++) {
            int at = co + r * ldc;
            FloatVector lo = FloatVector.fromArray(S, tile, r * NR);
            FloatVector hi = FloatVector.fromArray(S, tile, r * NR + L);
            if (add) {
                lo = FloatVector.fromArray(S, c, at).add(lo);
                hi = FloatVector.fromArray(S, c, at + L).add(hi);
            }
            lo.intoArray(c, at);
            hi.intoArray(c, at + L);
        }
    }
}
