package org.convkit.api.linalg;

/**
 * Copies blocks of {@code op(A)} and {@code op(B)} into slivers that a micro-kernel reads
 * sequentially; the transposes are resolved here, so one kernel serves all four combinations.
 * Sliver {@code s} of width {@code w} holds {@code kc} groups of {@code w} consecutive floats
 * (group {@code p} is column {@code p} of {@code w} rows of {@code op(A)}, or row {@code p} of
 * {@code w} columns of {@code op(B)}), starting at {@code s * w * kc}; rows or columns past the
 * matrix edge are zero.
 */
final class GemmPacking {
    private GemmPacking() {
    }

    /** Packs rows {@code [i0, i0+mc)} and columns {@code [p0, p0+kc)} of {@code op(A)} into slivers of {@code w} rows. */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, int w,
                      float[] dst) {
        for (int s = 0; s * w < mc; s++) {
            int base = s * w * kc;
            int rows = Math.min(w, mc - s * w);
            int first = i0 + s * w;
            if (transA) {
                // op(A)[i][p] = a[p * lda + i]: each group is a contiguous run of the stored row p
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + first;
                    int d = base + p * w;
                    for (int r = 0; r < rows; r++) {
                        dst[d + r] = a[src + r];
                    }
                    for (int r = rows; r < w; r++) {
                        dst[d + r] = 0f;
                    }
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (first + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * w + r] = a[src + p];
                    }
                }
                for (int r = rows; r < w; r++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * w + r] = 0f;
                    }
                }
            }
        }
    }

    /** Packs rows {@code [p0, p0+kc)} and columns {@code [j0, j0+nc)} of {@code op(B)} into slivers of {@code w} columns. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int j0, int nc, int p0, int kc, int w,
                      float[] dst) {
        for (int s = 0; s * w < nc; s++) {
            int base = s * w * kc;
            int cols = Math.min(w, nc - s * w);
            int first = j0 + s * w;
            if (transB) {
                // op(B)[p][j] = b[j * ldb + p]
                for (int j = 0; j < cols; j++) {
                    int src = bOff + (first + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * w + j] = b[src + p];
                    }
                }
                for (int j = cols; j < w; j++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * w + j] = 0f;
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int d = base + p * w;
                    System.arraycopy(b, bOff + (p0 + p) * ldb + first, dst, d, cols);
                    for (int j = cols; j < w; j++) {
                        dst[d + j] = 0f;
                    }
                }
            }
        }
    }
}
