package org.convkit.api.linalg;

/**
 * The arguments of one {@link Sgemm#gemm} call, already validated, passed to the kernels.
 * {@code accumulate} is {@code beta == 1}.
 */
record GemmCall(boolean transA, boolean transB, int m, int n, int k,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                boolean accumulate, float[] c, int cOff, int ldc) {

    /** The part of {@code C} one thread computes: rows {@code [r0, r1)}, columns {@code [c0, c1)}. */
    @FunctionalInterface
    interface Block {
        void run(GemmCall g, int r0, int r1, int c0, int c1, GemmScratch scratch);
    }
}
