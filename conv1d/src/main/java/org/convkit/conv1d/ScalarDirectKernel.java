package org.convkit.conv1d;

/**
 * Plain Java fallback of {@link DirectKernel}: four outputs held in registers per pass over the
 * taps, so each loaded tap weight serves four multiply-adds. (C2 does not auto-vectorise the
 * tap-outer form {@code acc[i] += w[j] * xs[i + j]}: the offset {@code j} differs between the two
 * arrays, which defeats its alignment analysis on JDK 17.)
 */
final class ScalarDirectKernel implements DirectKernel {

    @Override
    public void correlate(double[] xs, double[] w, int dilation, double[] acc, int n) {
        int taps = w.length;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < taps; j++) {
                double wj = w[j];
                int b = i + j * dilation;
                s0 = Math.fma(wj, xs[b], s0);
                s1 = Math.fma(wj, xs[b + 1], s1);
                s2 = Math.fma(wj, xs[b + 2], s2);
                s3 = Math.fma(wj, xs[b + 3], s3);
            }
            acc[i] = s0;
            acc[i + 1] = s1;
            acc[i + 2] = s2;
            acc[i + 3] = s3;
        }
        for (; i < n; i++) {
            acc[i] = DirectKernel.dot(xs, i, w, dilation);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
