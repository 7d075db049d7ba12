package org.convkit.conv2d;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LineKernels} with the Vector API: each output vector is accumulated in a register over all
 * taps (one fused multiply-add per tap, in the same order as {@link PlainLineKernels}), so results
 * are identical whichever thread computes a line. Tails shorter than a vector use the plain loops.
 */
final class VectorLineKernels implements LineKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public void row(float[] out, int outOff, float[] src, float[] w, int n) {
        int k = w.length;
        int t = 0;
        for (int bound = S.loopBound(n); t < bound; t += S.length()) {
            FloatVector a = FloatVector.zero(S);
            for (int q = 0; q < k; q++) {
                a = FloatVector.fromArray(S, src, t + q).fma(FloatVector.broadcast(S, w[q]), a);
            }
            a.intoArray(out, outOff + t);
        }
        PlainLineKernels.row(out, outOff, src, w, t, n);
    }

    @Override
    public void columns(float[] out, int outOff, float[] x, int[] offs, float[] w, int k, float bias, int n) {
        int t = 0;
        FloatVector b = FloatVector.broadcast(S, bias);
        for (int bound = S.loopBound(n); t < bound; t += S.length()) {
            FloatVector a = b;
            for (int p = 0; p < k; p++) {
                a = FloatVector.fromArray(S, x, offs[p] + t).fma(FloatVector.broadcast(S, w[p]), a);
            }
            a.intoArray(out, outOff + t);
        }
        PlainLineKernels.columns(out, outOff, x, offs, w, k, bias, t, n);
    }

    /** Kernel row by kernel row, each a single vector loop (C2 keeps such loops free of allocation). */
    @Override
    public void rows(float[] out, int outOff, float[][] src, float[] w, int kh, int kw, int n) {
        int bound = S.loopBound(n);
        for (int p = 0; p < kh; p++) {
            float[] r = src[p];
            int wo = p * kw;
            for (int t = 0; t < bound; t += S.length()) {
                FloatVector a = p == 0 ? FloatVector.zero(S) : FloatVector.fromArray(S, out, outOff + t);
                for (int q = 0; q < kw; q++) {
                    a = FloatVector.fromArray(S, r, t + q).fma(FloatVector.broadcast(S, w[wo + q]), a);
                }
                a.intoArray(out, outOff + t);
            }
        }
        PlainLineKernels.rows(out, outOff, src, w, kh, kw, bound, n);
    }
}
