package org.convkit.api.linalg;

/**
 * The plain-Java path of {@link Sgemm}, used when {@code jdk.incubator.vector} is absent. For each
 * block of {@value #NB} columns, {@value Sgemm#KC} steps of {@code k} and {@value #RB} rows, row
 * {@code p} of the {@code op(B)} block is copied into a zero-based scratch row, and each C row's
 * accumulator row (also zero-based, one array per row) gets {@code acc[j] = fma(A[i][p], B[p][j],
 * acc[j])}, a loop C2 auto-vectorises only when both arrays are indexed from zero (with different
 * fixed offsets it stays scalar: 3 GFLOPS). Each element follows the order {@link Sgemm}
 * documents, so this path is bit-identical to the Vector API one.
 */
final class PlainSgemm {
    static final int NB = 256;
    static final int RB = 16;

    private PlainSgemm() {
    }

    /** Computes rows {@code [r0, r1)} and columns {@code [c0, c1)} of {@code C}. */
    static void block(GemmCall g, int r0, int r1, int c0, int c1, GemmScratch scratch) {
        int nbMax = Math.min(NB, c1 - c0);
        float[] brow = scratch.b(nbMax);
        float[][] acc = scratch.rows(RB, nbMax);
        for (int jc = c0; jc < c1; jc += NB) {
            int nb = Math.min(NB, c1 - jc);
            for (int pc = 0; pc < g.k(); pc += Sgemm.KC) {
                int kc = Math.min(Sgemm.KC, g.k() - pc);
                boolean add = pc > 0 || g.accumulate();
                for (int ib = r0; ib < r1; ib += RB) {
                    int rb = Math.min(RB, r1 - ib);
                    for (int r = 0; r < rb; r++) {
                        java.util.Arrays.fill(acc[r], 0, nb, 0f);
                    }
                    for (int p = pc; p < pc + kc; p++) {
                        bRow(g, p, jc, nb, brow);
                        for (int r = 0; r < rb; r++) {
                            int i = ib + r;
                            float av = g.transA() ? g.a()[g.aOff() + p * g.lda() + i] : g.a()[g.aOff() + i * g.lda() + p];
                            axpy(av, brow, acc[r], nb);
                        }
                    }
                    for (int r = 0; r < rb; r++) {
                        flush(acc[r], g.c(), g.cOff() + (ib + r) * g.ldc() + jc, nb, add);
                    }
                }
            }
        }
    }

    /** Columns {@code [jc, jc+nb)} of row {@code p} of {@code op(B)} into {@code dst[0, nb)}. */
    private static void bRow(GemmCall g, int p, int jc, int nb, float[] dst) {
        if (g.transB()) {
            int src = g.bOff() + jc * g.ldb() + p;
            for (int j = 0; j < nb; j++) {
                dst[j] = g.b()[src + j * g.ldb()];
            }
        } else {
            System.arraycopy(g.b(), g.bOff() + p * g.ldb() + jc, dst, 0, nb);
        }
    }

    private static void axpy(float av, float[] x, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = Math.fma(av, x[j], y[j]);
        }
    }

    private static void flush(float[] acc, float[] c, int at, int n, boolean add) {
        if (add) {
            for (int j = 0; j < n; j++) {
                c[at + j] += acc[j];
            }
        } else {
            System.arraycopy(acc, 0, c, at, n);
        }
    }
}
