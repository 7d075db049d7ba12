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
     * first half goes to {@code lo}, its second half to {@code hi} at the same index, the rows one
     * after the other, sliver by sliver, so the writes run contiguously.
     */
    static void copySlivers(float[] src, int srcOff, int srcStride, int rows, int whole, float[] lo, float[] hi,
                            int dstOff, int step) {
        for (int s = 0; s < whole; s++) {
            int to = dstOff + s * step;
            for (int r = 0, from = srcOff + s * NR; r < rows; r++, from += srcStride, to += L) {
                FloatVector.fromArray(S, src, from).intoArray(lo, to);
                FloatVector.fromArray(S, src, from + L).intoArray(hi, to);
            }
        }
    }
}
