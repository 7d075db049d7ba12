package org.convkit.api.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code x[xOff + j] += c[cOff + j]} on the Vector API: the same IEEE additions as the scalar loop,
 * element by element, so results are identical. Loading this class throws {@link LinkageError}
 * when {@code jdk.incubator.vector} is absent; {@link Im2colNd} checks first.
 */
final class VectorAdd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorAdd() {
    }

    static void add(float[] x, int xOff, float[] c, int cOff, int n) {
        int j = 0;
        for (int end = S.loopBound(n); j < end; j += S.length()) {
            FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, c, cOff + j)).intoArray(x, xOff + j);
        }
        for (; j < n; j++) {
            x[xOff + j] += c[cOff + j];
        }
    }
}
