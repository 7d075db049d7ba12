package org.convkit.conv2d;

/**
 * The inner loops of the filters: each computes one output line from already padded inputs.
 * Two implementations: {@link VectorLineKernels} (Vector API) and {@link PlainLineKernels}.
 */
interface LineKernels {

    /** {@code out[outOff + t] = sum_q w[q] src[t + q]} for {@code t} in {@code [0, n)}. */
    void row(float[] out, int outOff, float[] src, float[] w, int n);

    /** {@code out[outOff + t] = bias + sum_{p<k} w[p] x[offs[p] + t]} for {@code t} in {@code [0, n)}. */
    void columns(float[] out, int outOff, float[] x, int[] offs, float[] w, int k, float bias, int n);

    /**
     * {@code out[outOff + t] = sum_{p<kh, q<kw} w[p kw + q] src[p][t + q]} for {@code t} in
     * {@code [0, n)}: one output row of a 2-d correlation from {@code kh} padded input rows.
     */
    void rows(float[] out, int outOff, float[][] src, float[] w, int kh, int kw, int n);

    /** The Vector API kernels when the incubator module is present, else the plain ones. */
    static LineKernels best() {
        return Holder.BEST;
    }

    /** Resolved once: loading the Vector API class fails without the module, and then the plain loops serve. */
    final class Holder {
        static final LineKernels BEST = load();

        private Holder() {
        }

        private static LineKernels load() {
            try {
                return new VectorLineKernels();
            } catch (LinkageError e) {
                return new PlainLineKernels();
            }
        }
    }
}
