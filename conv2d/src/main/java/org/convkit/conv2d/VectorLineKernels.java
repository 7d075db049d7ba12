package org.convkit.conv2d;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LineKernels} with the Vector API. Each output vector is accumulated in a register over its
 * taps, one fused multiply-add per tap in the same order as {@link PlainLineKernels}, so results are
 * identical whichever thread computes a line. Four output vectors are computed together: four
 * independent accumulator chains hide the multiply-add latency and share each weight broadcast.
 * Tails shorter than a vector use the plain loops.
 */
final class VectorLineKernels implements LineKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void row(float[] out, int outOff, float[] src, float[] w, int n) {
        int k = w.length;
        int t = 0;
        for (; t + 4 * L <= n; t += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int q = 0; q < k; q++) {
                FloatVector wq = FloatVector.broadcast(S, w[q]);
                int s = t + q;
                a0 = FloatVector.fromArray(S, src, s).fma(wq, a0);
                a1 = FloatVector.fromArray(S, src, s + L).fma(wq, a1);
                a2 = FloatVector.fromArray(S, src, s + 2 * L).fma(wq, a2);
                a3 = FloatVector.fromArray(S, src, s + 3 * L).fma(wq, a3);
            }
            a0.intoArray(out, outOff + t);
            a1.intoArray(out, outOff + t + L);
            a2.intoArray(out, outOff + t + 2 * L);
            a3.intoArray(out, outOff + t + 3 * L);
        }
        for (; t + L <= n; t += L) {
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
        FloatVector b = FloatVector.broadcast(S, bias);
        int t = 0;
        for (; t + 4 * L <= n; t += 4 * L) {
            FloatVector a0 = b;
            FloatVector a1 = b;
            FloatVector a2 = b;
            FloatVector a3 = b;
            for (int p = 0; p < k; p++) {
                FloatVector wp = FloatVector.broadcast(S, w[p]);
                int s = offs[p] + t;
                a0 = FloatVector.fromArray(S, x, s).fma(wp, a0);
                a1 = FloatVector.fromArray(S, x, s + L).fma(wp, a1);
                a2 = FloatVector.fromArray(S, x, s + 2 * L).fma(wp, a2);
                a3 = FloatVector.fromArray(S, x, s + 3 * L).fma(wp, a3);
            }
            a0.intoArray(out, outOff + t);
            a1.intoArray(out, outOff + t + L);
            a2.intoArray(out, outOff + t + 2 * L);
            a3.intoArray(out, outOff + t + 3 * L);
        }
        for (; t + L <= n; t += L) {
            FloatVector a = b;
            for (int p = 0; p < k; p++) {
                a = FloatVector.fromArray(S, x, offs[p] + t).fma(FloatVector.broadcast(S, w[p]), a);
            }
            a.intoArray(out, outOff + t);
        }
        PlainLineKernels.columns(out, outOff, x, offs, w, k, bias, t, n);
    }

    /**
     * Kernel row by kernel row, each a {@link #row}-shaped loop that adds to the output row
     * (a loop nest keeping vectors live across kernel rows defeated C2's escape analysis).
     */
    @Override
    public void rows(float[] out, int outOff, float[][] src, float[] w, int kh, int kw, int n) {
        int bound = S.loopBound(n);
        for (int p = 0; p < kh; p++) {
            float[] r = src[p];
            int wo = p * kw;
            boolean first = p == 0;
            int t = 0;
            for (; t + 4 * L <= bound; t += 4 * L) {
                int o = outOff + t;
                FloatVector a0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, o);
                FloatVector a1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, o + L);
                FloatVector a2 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, o + 2 * L);
                FloatVector a3 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, o + 3 * L);
                for (int q = 0; q < kw; q++) {
                    FloatVector wq = FloatVector.broadcast(S, w[wo + q]);
                    int s = t + q;
                    a0 = FloatVector.fromArray(S, r, s).fma(wq, a0);
                    a1 = FloatVector.fromArray(S, r, s + L).fma(wq, a1);
                    a2 = FloatVector.fromArray(S, r, s + 2 * L).fma(wq, a2);
                    a3 = FloatVector.fromArray(S, r, s + 3 * L).fma(wq, a3);
                }
                a0.intoArray(out, o);
                a1.intoArray(out, o + L);
                a2.intoArray(out, o + 2 * L);
                a3.intoArray(out, o + 3 * L);
            }
            for (; t < bound; t += L) {
                FloatVector a = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, outOff + t);
                for (int q = 0; q < kw; q++) {
                    a = FloatVector.fromArray(S, r, t + q).fma(FloatVector.broadcast(S, w[wo + q]), a);
                }
                a.intoArray(out, outOff + t);
            }
        }
        PlainLineKernels.rows(out, outOff, src, w, kh, kw, bound, n);
    }
}
