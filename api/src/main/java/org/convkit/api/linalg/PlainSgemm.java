package org.convkit.api.linalg;

/**
 * The plain-Java path of {@link Sgemm}, used when {@code jdk.incubator.vector} is absent: for each
 * block of {@value #NB} columns and {@value Sgemm#KC} steps of {@code k}, the B block is packed
 * row-major into zero-based scratch, and each row of C is accumulated in a zero-based scratch row
 * by {@code acc[j] = fma(A[i][p], B[p][j], acc[j])} over increasing {@code p}, a loop C2
 * auto-vectorises (with the same offsets on both arrays it does; with different fixed offsets it
 * does not). Each element follows the order {@link Sgemm} documents, so this path is bit-identical
 * to the Vector API one.
 */
final class PlainSgemm {
    static final int NB = 256;

    private PlainSgemm() {
    }

    /** Computes rows {@code [r0, r1)} and columns {@code [c0, c1)} of {@code C}. */
    static void block(GemmCall g, int r0, int r1, int c0, int c1, GemmScratch scratch) {
        int kcMax = Math.min(g.k(), Sgemm.KC);
        int nbMax = Math.min(NB, c1 - c0);
        float[] bp = scratch.b(kcMax * nbMax);
        float[] arow = scratch.a(kcMax);
        float[] acc = scratch.c(nbMax);
        float[] a = g.a();
        float[] c = g.c();
        for (int jc = c0; jc < c1; jc += NB) {
            int nb = Math.min(NB, c1 - jc);
            for (int pc = 0; pc < g.k(); pc += Sgemm.KC) {
                int kc = Math.min(Sgemm.KC, g.k() - pc);
                boolean add = pc > 0 || g.accumulate();
                GemmPacking.packB(g.transB(), g.b(), g.bOff(), g.ldb(), jc, nb, pc, kc, nb, bp);
                for (int i = r0; i < r1; i++) {
                    for (int p = 0; p < kc; p++) {
                        arow[p] = g.transA() ? a[g.aOff() + (pc + p) * g.lda() + i] : a[g.aOff() + i * g.lda() + pc + p];
                    }
                    for (int j = 0; j < nb; j++) {
                        acc[j] = 0f;
                    }
                    for (int p = 0; p < kc; p++) {
                        axpy(arow[p], bp, p * nb, acc, nb);
                    }
                    int ci = g.cOff() + i * g.ldc() + jc;
                    if (add) {
                        for (int j = 0; j < nb; j++) {
                            c[ci + j] += acc[j];
                        }
                    } else {
                        System.arraycopy(acc, 0, c, ci, nb);
                    }
                }
            }
        }
    }

    private static void axpy(float av, float[] x, int xo, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = Math.fma(av, x[xo + j], y[j]);
        }
    }
}
