package org.convkit.api.signal;

/**
 * The inner loops of {@link Sos}: a cascade of biquads in direct form II transposed, run in place.
 * Each section {@code s} maps its input {@code x} to
 * <pre>
 *   y  = fma(b0, x, z0)
 *   z0 = fma(-a1, y, fma(b1, x, z1))
 *   z1 = fma(-a2, y, b2 x)
 * </pre>
 * (scipy's sosfilt recursion, each multiply-add fused, so at least as accurate). Sections are run
 * in groups of up to four per sample, with coefficients and state in locals, so that the
 * out-of-order core overlaps the groups' latency chains; longer cascades run group after group over
 * blocks of {@value #BLOCK} samples that stay in L1. Every output depends only on its section's
 * state and input, never on the grouping or the block bounds, so chunked runs are bit-identical to
 * whole runs.
 *
 * <p>Coefficients are packed 5 per section: {@code b0, b1, b2, -a1, -a2}; state is packed 2 per
 * section: {@code z0, z1}.
 */
final class BiquadCascade {
    static final int BLOCK = 2048;

    private BiquadCascade() {
    }

    /** Runs all {@code c.length / 5} sections over {@code v[from .. to)} in place, updating {@code z}. */
    static void run(double[] c, double[] z, double[] v, int from, int to) {
        run(c, z, v, from, v, from, to - from);
    }

    /**
     * Filters {@code src[so .. so + n)} into {@code dst[dso .. dso + n)} through all sections, updating
     * {@code z}; {@code dst} may be {@code src} at the same offset.
     */
    static void run(double[] c, double[] z, double[] src, int so, double[] dst, int dso, int n) {
        int sections = c.length / 5;
        if (sections == 0) {
            System.arraycopy(src, so, dst, dso, n);
            return;
        }
        if (sections <= 4) {
            group(c, z, 0, sections, src, so, dst, dso, n);
            return;
        }
        for (int lo = 0; lo < n; lo += BLOCK) {
            int len = Math.min(BLOCK, n - lo);
            for (int s = 0; s < sections; ) {
                int g = Math.min(4, sections - s);
                if (g == 3) {
                    g = 2;
                }
                if (s == 0) {
                    group(c, z, s, g, src, so + lo, dst, dso + lo, len);
                } else {
                    group(c, z, s, g, dst, dso + lo, dst, dso + lo, len);
                }
                s += g;
            }
        }
    }

    private static void group(double[] c, double[] z, int s, int count, double[] src, int so, double[] dst, int dso, int n) {
        switch (count) {
            case 1 -> one(c, z, s, src, so, dst, dso, n);
            case 2 -> two(c, z, s, src, so, dst, dso, n);
            case 3 -> {
                two(c, z, s, src, so, dst, dso, n);
                one(c, z, s + 2, dst, dso, dst, dso, n);
            }
            case 4 -> four(c, z, s, src, so, dst, dso, n);
            default -> throw new IllegalArgumentException("a kernel group has 1 to 4 sections, got " + count);
        }
    }

    private static void one(double[] c, double[] z, int s, double[] src, int so, double[] dst, int dso, int n) {
        int k = 5 * s;
        double b0 = c[k], b1 = c[k + 1], b2 = c[k + 2], na1 = c[k + 3], na2 = c[k + 4];
        double z0 = z[2 * s], z1 = z[2 * s + 1];
        for (int i = 0; i < n; i++) {
            double x = src[so + i];
            double y = Math.fma(b0, x, z0);
            z0 = Math.fma(na1, y, Math.fma(b1, x, z1));
            z1 = Math.fma(na2, y, b2 * x);
            dst[dso + i] = y;
        }
        z[2 * s] = z0;
        z[2 * s + 1] = z1;
    }

    private static void two(double[] c, double[] z, int s, double[] src, int so, double[] dst, int dso, int n) {
        int k = 5 * s;
        double p0 = c[k], p1 = c[k + 1], p2 = c[k + 2], pa1 = c[k + 3], pa2 = c[k + 4];
        double q0 = c[k + 5], q1 = c[k + 6], q2 = c[k + 7], qa1 = c[k + 8], qa2 = c[k + 9];
        double pz0 = z[2 * s], pz1 = z[2 * s + 1], qz0 = z[2 * s + 2], qz1 = z[2 * s + 3];
        for (int i = 0; i < n; i++) {
            double x = src[so + i];
            double y = Math.fma(p0, x, pz0);
            pz0 = Math.fma(pa1, y, Math.fma(p1, x, pz1));
            pz1 = Math.fma(pa2, y, p2 * x);
            double w = Math.fma(q0, y, qz0);
            qz0 = Math.fma(qa1, w, Math.fma(q1, y, qz1));
            qz1 = Math.fma(qa2, w, q2 * y);
            dst[dso + i] = w;
        }
        z[2 * s] = pz0;
        z[2 * s + 1] = pz1;
        z[2 * s + 2] = qz0;
        z[2 * s + 3] = qz1;
    }

    private static void four(double[] c, double[] z, int s, double[] src, int so, double[] dst, int dso, int n) {
        int k = 5 * s;
        double p0 = c[k], p1 = c[k + 1], p2 = c[k + 2], pa1 = c[k + 3], pa2 = c[k + 4];
        double q0 = c[k + 5], q1 = c[k + 6], q2 = c[k + 7], qa1 = c[k + 8], qa2 = c[k + 9];
        double r0 = c[k + 10], r1 = c[k + 11], r2 = c[k + 12], ra1 = c[k + 13], ra2 = c[k + 14];
        double t0 = c[k + 15], t1 = c[k + 16], t2 = c[k + 17], ta1 = c[k + 18], ta2 = c[k + 19];
        int j = 2 * s;
        double pz0 = z[j], pz1 = z[j + 1], qz0 = z[j + 2], qz1 = z[j + 3];
        double rz0 = z[j + 4], rz1 = z[j + 5], tz0 = z[j + 6], tz1 = z[j + 7];
        for (int i = 0; i < n; i++) {
            double x = src[so + i];
            double y = Math.fma(p0, x, pz0);
            pz0 = Math.fma(pa1, y, Math.fma(p1, x, pz1));
            pz1 = Math.fma(pa2, y, p2 * x);
            double w = Math.fma(q0, y, qz0);
            qz0 = Math.fma(qa1, w, Math.fma(q1, y, qz1));
            qz1 = Math.fma(qa2, w, q2 * y);
            double u = Math.fma(r0, w, rz0);
            rz0 = Math.fma(ra1, u, Math.fma(r1, w, rz1));
            rz1 = Math.fma(ra2, u, r2 * w);
            double o = Math.fma(t0, u, tz0);
            tz0 = Math.fma(ta1, o, Math.fma(t1, u, tz1));
            tz1 = Math.fma(ta2, o, t2 * u);
            dst[dso + i] = o;
        }
        z[j] = pz0;
        z[j + 1] = pz1;
        z[j + 2] = qz0;
        z[j + 3] = qz1;
        z[j + 4] = rz0;
        z[j + 5] = rz1;
        z[j + 6] = tz0;
        z[j + 7] = tz1;
    }
}
