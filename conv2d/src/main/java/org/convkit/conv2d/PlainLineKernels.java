package org.convkit.conv2d;

/** {@link LineKernels} as plain loops with {@link Math#fma}; also the tails of the vector kernels. */
final class PlainLineKernels implements LineKernels {

    @Override
    public void row(float[] out, int outOff, float[] src, float[] w, int n) {
        row(out, outOff, src, w, 0, n);
    }

    @Override
    public void columns(float[] out, int outOff, float[] x, int[] offs, float[] w, int k, float bias, int n) {
        columns(out, outOff, x, offs, w, k, bias, 0, n);
    }

    @Override
    public void rows(float[] out, int outOff, float[][] src, float[] w, int kh, int kw, int n) {
        rows(out, outOff, src, w, kh, kw, 0, n);
    }

    static void row(float[] out, int outOff, float[] src, float[] w, int from, int n) {
        for (int t = from; t < n; t++) {
            float s = 0;
            for (int q = 0; q < w.length; q++) {
                s = Math.fma(w[q], src[t + q], s);
            }
            out[outOff + t] = s;
        }
    }

    static void columns(float[] out, int outOff, float[] x, int[] offs, float[] w, int k, float bias, int from, int n) {
        for (int t = from; t < n; t++) {
            float s = bias;
            for (int p = 0; p < k; p++) {
                s = Math.fma(w[p], x[offs[p] + t], s);
            }
            out[outOff + t] = s;
        }
    }

    static void rows(float[] out, int outOff, float[][] src, float[] w, int kh, int kw, int from, int n) {
        for (int t = from; t < n; t++) {
            float s = 0;
            for (int p = 0; p < kh; p++) {
                float[] r = src[p];
                for (int q = 0; q < kw; q++) {
                    s = Math.fma(w[p * kw + q], r[t + q], s);
                }
            }
            out[outOff + t] = s;
        }
    }
}
