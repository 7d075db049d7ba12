package org.convkit.conv1d;

/**
 * The inner loop of {@link Conv1dDirect}: {@code acc[i] = sum_j w[j] xs[i + j * dilation]} for
 * {@code i < n}, on zero-based scratch arrays. Every implementation accumulates each output as the
 * same chain of fused multiply-adds in increasing {@code j}, so all give bit-identical results.
 */
interface DirectKernel {

    /** {@code xs} holds at least {@code n + (w.length - 1) * dilation} samples; {@code acc} at least {@code n}. */
    void correlate(double[] xs, double[] w, int dilation, double[] acc, int n);

    /** A short name for diagnostics, e.g. {@code vector-256}. */
    String name();

    /** The Vector API kernel when {@code jdk.incubator.vector} is available at run time, else the plain one. */
    static DirectKernel best() {
        try {
            return new VectorDirectKernel();
        } catch (LinkageError e) {
            return new ScalarDirectKernel();
        }
    }

    /** One output as a chain of fused multiply-adds; the reference order every kernel follows. */
    static double dot(double[] xs, int at, double[] w, int dilation) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s = Math.fma(w[j], xs[at + j * dilation], s);
        }
        return s;
    }
}
