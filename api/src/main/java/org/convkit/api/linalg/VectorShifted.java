package org.convkit.api.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link Sgemm#gemm(PackedA, ShiftedB, float, float[], int, int, int)}: the
 * {@link VectorSgemm} register tile (6 x 16, twelve 256-bit accumulators) with B's 16-column
 * strips read where they lie, each step from its own row start, instead of from packed panels.
 * Loading this class needs {@code jdk.incubator.vector}, as {@link VectorSgemm} does.
 */
final class VectorShifted {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int MR = VectorSgemm.MR;
    private static final int NR = VectorSgemm.NR;
    private static final int L = 8;

    private VectorShifted() {
    }

    /**
     * Columns {@code [c0, c1)} of {@code C = A B} for a packed A and a shifted B (see {@link Sgemm}):
     * each 16-column strip is read in place by {@link #kernelShifted}, every row of the strip from
     * its own start, and multiplied with all of A's slivers while it is in L1. A strip that would
     * read past the array is copied into a zero-padded sliver and goes through
     * {@link VectorSgemm#kernel}.
     */
    static void block(PackedA a, ShiftedB b, boolean accumulate, float[] c, int cOff, int ldc, int c0, int c1,
                      GemmScratch scratch) {
        int m = a.m();
        float[] tile = scratch.c(MR * NR);
        float[] bd = b.data();
        int[] starts = b.starts();
        for (int pc = 0; pc < a.k(); pc += Sgemm.KC) {
            int kc = Math.min(Sgemm.KC, a.k() - pc);
            boolean add = pc > 0 || accumulate;
            float[] ap = a.block(pc);
            for (int jr = c0; jr < c1; jr += NR) {
                int nr = Math.min(NR, c1 - jr);
                boolean inPlace = b.readable(jr, NR);
                // a strip that would read past the array: copied into one split sliver (see VectorSgemm)
                float[] lo = inPlace ? null : scratch.lo(kc * L);
                float[] hi = inPlace ? null : scratch.hi(kc * L);
                for (int p = 0; !inPlace && p < kc; p++) {
                    GemmPacking.splitGroup(bd, b.at(pc + p, jr), nr, lo, hi, p * L);
                }
                for (int ir = 0; ir < m; ir += MR) {
                    int mr = Math.min(MR, m - ir);
                    if (inPlace && mr > 4) {
                        kernelShifted(kc, ap, ir * kc, bd, starts, pc, b.offset() + jr, tile);
                    } else if (inPlace) {
                        kernelShiftedFour(kc, ap, ir * kc, bd, starts, pc, b.offset() + jr, tile);
                    } else if (mr > 4) {
                        VectorSgemm.kernel(kc, ap, ir * kc, lo, hi, 0, tile);
                    } else {
                        VectorSgemm.kernelFour(kc, ap, ir * kc, lo, hi, 0, tile);
                    }
                    int co = cOff + ir * ldc + jr;
                    if (mr == MR && nr == NR) {
                        VectorSgemm.flush(tile, c, co, ldc, add);
                    } else {
                        VectorSgemm.addEdge(tile, c, co, ldc, mr, nr, add);
                    }
                }
            }
        }
    }

    /**
     * {@link VectorSgemm#kernel} with B's strip read in place: step {@code p} reads 16 floats of
     * {@code b} from {@code bo + starts[s0 + p]}. The same fma chain per element. Like
     * {@link VectorSgemm#kernel}, the loop counts over A's index, with {@code s} a second induction
     * variable.
     */
    private static void kernelShifted(int kc, float[] ap, int ao, float[] b, int[] starts, int s0, int bo,
                                      float[] tile) {
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
        int s = s0;
        for (int a = ao, end = ao + kc * MR; a < end; a += MR, s++) {
            int at = bo + starts[s];
            FloatVector b0 = FloatVector.fromArray(S, b, at);
            FloatVector b1 = FloatVector.fromArray(S, b, at + L);
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

    /** {@link #kernelShifted} for an edge sliver of at most 4 rows, as {@link VectorSgemm#kernelFour}. */
    private static void kernelShiftedFour(int kc, float[] ap, int ao, float[] b, int[] starts, int s0, int bo,
                                          float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int s = s0;
        for (int a = ao, end = ao + kc * MR; a < end; a += MR, s++) {
            int at = bo + starts[s];
            FloatVector b0 = FloatVector.fromArray(S, b, at);
            FloatVector b1 = FloatVector.fromArray(S, b, at + L);
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
}
