package org.convkit.conv1d;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DirectKernel} on the Vector API: eight vectors of consecutive outputs stay in registers
 * while the loop runs over the taps, one broadcast weight and eight unaligned loads per tap. Loading
 * this class throws {@link LinkageError} when {@code jdk.incubator.vector} is not in the run-time
 * image; {@link DirectKernel#best()} then falls back to {@link ScalarDirectKernel}.
 */
final class VectorDirectKernel implements DirectKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void correlate(double[] xs, double[] w, int dilation, double[] acc, int n) {
        int taps = w.length;
        int i = 0;
        for (; i + 8 * L <= n; i += 8 * L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            DoubleVector a4 = a0;
            DoubleVector a5 = a0;
            DoubleVector a6 = a0;
            DoubleVector a7 = a0;
            for (int j = 0; j < taps; j++) {
                DoubleVector wv = DoubleVector.broadcast(S, w[j]);
                int b = i + j * dilation;
                a0 = DoubleVector.fromArray(S, xs, b).fma(wv, a0);
                a1 = DoubleVector.fromArray(S, xs, b + L).fma(wv, a1);
                a2 = DoubleVector.fromArray(S, xs, b + 2 * L).fma(wv, a2);
                a3 = DoubleVector.fromArray(S, xs, b + 3 * L).fma(wv, a3);
                a4 = DoubleVector.fromArray(S, xs, b + 4 * L).fma(wv, a4);
                a5 = DoubleVector.fromArray(S, xs, b + 5 * L).fma(wv, a5);
                a6 = DoubleVector.fromArray(S, xs, b + 6 * L).fma(wv, a6);
                a7 = DoubleVector.fromArray(S, xs, b + 7 * L).fma(wv, a7);
            }
            a0.intoArray(acc, i);
            a1.intoArray(acc, i + L);
            a2.intoArray(acc, i + 2 * L);
            a3.intoArray(acc, i + 3 * L);
            a4.intoArray(acc, i + 4 * L);
            a5.intoArray(acc, i + 5 * L);
            a6.intoArray(acc, i + 6 * L);
            a7.intoArray(acc, i + 7 * L);
        }
        for (; i + L <= n; i += L) {
            DoubleVector a = DoubleVector.zero(S);
            for (int j = 0; j < taps; j++) {
                a = DoubleVector.fromArray(S, xs, i + j * dilation).fma(DoubleVector.broadcast(S, w[j]), a);
            }
            a.intoArray(acc, i);
        }
        for (; i < n; i++) {
            acc[i] = DirectKernel.dot(xs, i, w, dilation);
        }
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }
}
