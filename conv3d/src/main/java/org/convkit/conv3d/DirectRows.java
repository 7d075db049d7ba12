package org.convkit.conv3d;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner kernel of {@link Conv3dDirect}: one output row as a sum of taps, each tap a weight
 * times a contiguous run of an x-padded input row. Vector accumulators per chunk stay in
 * registers across all taps, so each multiply-add costs one load and one fma. Isolated in its own
 * class so that {@code jdk.incubator.vector} is only loaded once the engine knows it is present.
 */
final class DirectRows {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Row lengths are padded to a multiple of this (one vector). */
    static final int LANES = L;

    private DirectRows() {
    }

    /**
     * {@code y[yOff + c] = sum_t w[t] * xp[off[t] + c]} for {@code c < outW}, the taps summed in
     * order {@code t = 0 .. taps-1} with one fma each. {@code xp} must be readable up to
     * {@code off[t] + roundUp(outW, LANES)}; {@code tail} holds at least {@link #LANES} floats.
     * Eight accumulators (64 outputs with 256-bit vectors) per chunk, then four, then one.
     */
    static void row(float[] xp, int[] off, float[] w, int taps, float[] y, int yOff, int outW, float[] tail) {
        int c = 0;
        for (; c + 8 * L <= outW; c += 8 * L) {
            chunk8(xp, off, w, taps, c, y, yOff + c);
        }
        if (c + 4 * L <= outW) {
            chunk4(xp, off, w, taps, c, y, yOff + c);
            c += 4 * L;
        }
        for (; c + L <= outW; c += L) {
            chunk1(xp, off, w, taps, c, y, yOff + c);
        }
        if (c < outW) {
            chunk1(xp, off, w, taps, c, tail, 0);
            System.arraycopy(tail, 0, y, yOff + c, outW - c);
        }
    }

    private static void chunk8(float[] xp, int[] off, float[] w, int taps, int c, float[] y, int at) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        FloatVector a4 = FloatVector.zero(S);
        FloatVector a5 = FloatVector.zero(S);
        FloatVector a6 = FloatVector.zero(S);
        FloatVector a7 = FloatVector.zero(S);
        for (int t = 0; t < taps; t++) {
            FloatVector wv = FloatVector.broadcast(S, w[t]);
            int b = off[t] + c;
            a0 = FloatVector.fromArray(S, xp, b).fma(wv, a0);
            a1 = FloatVector.fromArray(S, xp, b + L).fma(wv, a1);
            a2 = FloatVector.fromArray(S, xp, b + 2 * L).fma(wv, a2);
            a3 = FloatVector.fromArray(S, xp, b + 3 * L).fma(wv, a3);
            a4 = FloatVector.fromArray(S, xp, b + 4 * L).fma(wv, a4);
            a5 = FloatVector.fromArray(S, xp, b + 5 * L).fma(wv, a5);
            a6 = FloatVector.fromArray(S, xp, b + 6 * L).fma(wv, a6);
            a7 = FloatVector.fromArray(S, xp, b + 7 * L).fma(wv, a7);
        }
        a0.intoArray(y, at);
        a1.intoArray(y, at + L);
        a2.intoArray(y, at + 2 * L);
        a3.intoArray(y, at + 3 * L);
        a4.intoArray(y, at + 4 * L);
        a5.intoArray(y, at + 5 * L);
        a6.intoArray(y, at + 6 * L);
        a7.intoArray(y, at + 7 * L);
    }

    private static void chunk4(float[] xp, int[] off, float[] w, int taps, int c, float[] y, int at) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int t = 0; t < taps; t++) {
            FloatVector wv = FloatVector.broadcast(S, w[t]);
            int b = off[t] + c;
            a0 = FloatVector.fromArray(S, xp, b).fma(wv, a0);
            a1 = FloatVector.fromArray(S, xp, b + L).fma(wv, a1);
            a2 = FloatVector.fromArray(S, xp, b + 2 * L).fma(wv, a2);
            a3 = FloatVector.fromArray(S, xp, b + 3 * L).fma(wv, a3);
        }
        a0.intoArray(y, at);
        a1.intoArray(y, at + L);
        a2.intoArray(y, at + 2 * L);
        a3.intoArray(y, at + 3 * L);
    }

    private static void chunk1(float[] xp, int[] off, float[] w, int taps, int c, float[] y, int at) {
        FloatVector a = FloatVector.zero(S);
        for (int t = 0; t < taps; t++) {
            a = FloatVector.fromArray(S, xp, off[t] + c).fma(FloatVector.broadcast(S, w[t]), a);
        }
        a.intoArray(y, at);
    }
}
