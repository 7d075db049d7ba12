package org.convkit.api.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise loops of the layers on the Vector API, over whole vectors only: each method returns
 * where it stopped and the caller's scalar loop does the rest. Each lane computes the same IEEE
 * operation as that scalar loop, so results are identical bit for bit. Loading this class throws
 * {@link LinkageError} when {@code jdk.incubator.vector} is absent: callers check
 * {@link Simd#VECTOR} first.
 */
final class VectorOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorOps() {
    }

    /**
     * {@code x[xOff + j] += c[cOff + j]} for whole vectors of {@code j < n}; returns the first
     * {@code j} not done, which the caller's scalar loop finishes.
     */
    static int add(float[] x, int xOff, float[] c, int cOff, int n) {
        int j = 0;
        for (int end = S.loopBound(n); j < end; j += S.length()) {
            FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, c, cOff + j)).intoArray(x, xOff + j);
        }
        return j;
    }

    /**
     * {@code out[i] = Math.max(in[off + i], 0f)} for whole vectors from {@code lo} on; returns the
     * first index not done (at most {@code hi}), which the caller's scalar loop finishes.
     */
    static int relu(float[] in, int off, float[] out, int lo, int hi) {
        int i = lo;
        for (int end = lo + S.loopBound(hi - lo); i < end; i += S.length()) {
            FloatVector.fromArray(S, in, off + i).max(0f).intoArray(out, i);
        }
        return i;
    }

    /** {@code out[i] = v > 0 || v != v ? v : slope * v} with {@code v = in[off + i]}, as {@link #relu}. */
    static int leakyRelu(float[] in, int off, float[] out, int lo, int hi, float slope) {
        int i = lo;
        for (int end = lo + S.loopBound(hi - lo); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, in, off + i);
            VectorMask<Float> keep = v.compare(VectorOperators.GT, 0f).or(v.test(VectorOperators.IS_NAN));
            v.mul(slope).blend(v, keep).intoArray(out, i);
        }
        return i;
    }

    /** {@code gx[i] = y[i] > 0 ? g[off + i] : slope * g[off + i]}, as {@link #relu}. */
    static int reluBackward(float[] y, float[] g, int off, float[] gx, int lo, int hi, float slope) {
        int i = lo;
        for (int end = lo + S.loopBound(hi - lo); i < end; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, off + i);
            VectorMask<Float> pass = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f);
            gv.mul(slope).blend(gv, pass).intoArray(gx, i);
        }
        return i;
    }
}
