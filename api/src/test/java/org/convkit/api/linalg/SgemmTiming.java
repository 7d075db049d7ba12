package org.convkit.api.linalg;

import java.util.Random;

/**
 * A JMH-free timing harness for {@link Sgemm} (not a test: run it by hand, e.g.
 * {@code java --add-modules jdk.incubator.vector -cp api/target/classes:api/target/test-classes
 * org.convkit.api.linalg.SgemmTiming [threads] [plain]}). Prints the median and the best of 9 timed runs (the machine is shared, so the best shows what the
 * code can do and the median what a busy machine gives).
 */
public final class SgemmTiming {
    private SgemmTiming() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        boolean plain = args.length > 1 && args[1].equals("plain");
        int[][] shapes = {{1024, 1024, 1024, 0, 0}, {6, 784, 25, 0, 0}, {16, 100, 150, 0, 0}, {64, 120, 400, 0, 0},
            {6, 25, 784, 0, 1}, {784, 25, 6, 1, 0}, {120, 400, 64, 1, 0}, {64, 400, 120, 0, 1}};
        for (int[] s : shapes) {
            time(s[0], s[1], s[2], s[3] == 1, s[4] == 1, threads, plain);
        }
    }

    private static void time(int m, int n, int k, boolean ta, boolean tb, int threads, boolean plain) {
        Random rnd = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextFloat();
        }
        double flops = 2.0 * m * n * k;
        int reps = (int) Math.max(1, Math.min(100_000, 2e8 / flops));
        int lda = ta ? m : k;
        int ldb = tb ? k : n;
        double[] t = new double[9];
        for (int r = -3; r < t.length; r++) {
            long t0 = System.nanoTime();
            for (int q = 0; q < reps; q++) {
                if (plain) {
                    Sgemm.gemmPlain(ta, tb, m, n, k, a, 0, lda, b, 0, ldb, 0f, c, 0, n, threads);
                } else {
                    Sgemm.gemm(ta, tb, m, n, k, a, 0, lda, b, 0, ldb, 0f, c, 0, n, threads);
                }
            }
            if (r >= 0) {
                t[r] = (System.nanoTime() - t0) / 1e9 / reps;
            }
        }
        java.util.Arrays.sort(t);
        double med = t[t.length / 2];
        System.out.printf("%s%s m=%d n=%d k=%d threads=%d%s: median %.4f ms %.1f GFLOPS, best %.1f GFLOPS%n",
                ta ? "At" : "A", tb ? "Bt" : "B", m, n, k, threads, plain ? " plain" : "", med * 1e3, flops / med / 1e9,
                flops / t[0] / 1e9);
    }
}
