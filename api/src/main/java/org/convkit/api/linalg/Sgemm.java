package org.convkit.api.linalg;

import org.convkit.api.parallel.Parallel;

/**
 * Single-precision matrix multiply {@code C = op(A) op(B) + beta C} on row-major arrays, where
 * {@code op(X)} is {@code X} or its transpose. {@code C} is {@code m x n}, {@code op(A)} is
 * {@code m x k}, {@code op(B)} is {@code k x n}; {@code lda}, {@code ldb}, {@code ldc} are the row
 * lengths of the arrays as stored. {@code beta} is 0 (overwrite) or 1 (accumulate).
 *
 * <p>Every element of {@code C} is summed over {@code k} in the same order whatever the thread
 * count, so results are bit-identical for 1 or many threads.
 */
public final class Sgemm {
    private Sgemm() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads) {
        if (beta != 0f && beta != 1f) {
            throw new IllegalArgumentException("beta must be 0 or 1, got " + beta);
        }
        Parallel.forRange(m, threads, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int ci = cOff + i * ldc;
                for (int j = 0; j < n; j++) {
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        s = Math.fma(av, bv, s);
                    }
                    c[ci + j] = beta == 0f ? s : c[ci + j] + s;
                }
            }
        });
    }
}
