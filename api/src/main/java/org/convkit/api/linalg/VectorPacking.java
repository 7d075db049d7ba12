package org.convkit.api.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API copies into {@link VectorSgemm}'s split B panels (a sliver's left eight columns
 * in one array, its right eight in another, at the same index). Like {@link VectorSgemm}, this
 * class is loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorPacking {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int NR = VectorSgemm.NR;
    private static final int L = NR / 2;
    /** Rows of B copied together, sliver by sliver ({@link #copySlivers}). */
    private static final int ROWS = 8;

    private VectorPacking() {
    }

    /**
     * {@link GemmPacking#packB} with the whole slivers of a stored (untransposed) B copied as two
     * vectors per row: with {@code System.arraycopy} per 16 floats, packing had been a fifth of a
     * 64 x 448 x 576 product (a conv layer's block), and this copy measured 2.2x faster.
     */
    static void packB(GemmCall g, int jc, int nc, int pc, int kc, float[] lo, float[] hi) {
        int whole = g.transB() ? 0 : nc / NR;
        copySlivers(g.b(), g.bOff() + pc * g.ldb() + jc, g.ldb(), kc, whole, lo, hi, 0, L * kc);
        GemmPacking.packB(g.transB(), g.b(), g.bOff(), g.ldb(), jc, nc, pc, kc, lo, hi, whole);
    }

    /**
     * Copies {@code rows} rows of {@code whole * 16} floats (row {@code r} at {@code srcOff + r srcStride})
     * into {@code whole} split slivers {@code step} apart from {@code dstOff}: each 16-float group's
     * first half goes to {@code lo}, its second half to {@code hi} at the same index, the rows of
     * a sliver one after the other. The rows go {@value #ROWS} at a time, every sliver's part of
     * them before the next {@value #ROWS}: a row's lines are then read while they are in L1, where
     * cutting one sliver down all the rows (a line per row, a row apart) met each line again only
     * after it had left L1. Measured on 1024^3 (one thread, Zen 3, one JVM, alternating): the
     * product 4-5% faster (35.8 against 37.3-37.9 ms; packing B had taken 2.2 ms of it).
     */
    static void copySlivers(float[] src, int srcOff, int srcStride, int rows, int whole, float[] lo, float[] hi,
                            int dstOff, int step) {
        for (int r0 = 0; r0 < rows; r0 += ROWS) {
            int r1 = Math.min(rows, r0 + ROWS);
            for (int s = 0; s < whole; s++) {
                int to = dstOff + s * step + r0 * L;
                for (int r = r0, from = srcOff + r0 * srcStride + s * NR; r < r1; r++, from += srcStride, to += L) {
                    FloatVector.fromArray(S, src, from).intoArray(lo, to);
                    FloatVector.fromArray(S, src, from + L).intoArray(hi, to);
                }
            }
        }
    }
}
