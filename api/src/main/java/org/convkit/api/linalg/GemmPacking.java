package org.convkit.api.linalg;

import java.util.Arrays;

/**
 * Copies blocks of {@code op(A)} and {@code op(B)} into slivers that a micro-kernel reads
 * sequentially; the transposes are resolved here, so one kernel serves all four combinations.
 * Sliver {@code s} of A, {@code w} rows, holds {@code kc} groups of {@code w} consecutive floats
 * (group {@code p} is column {@code p} of its rows of {@code op(A)}), starting at
 * {@code s * w * kc}; a B sliver is 16 columns split over two arrays (see {@link #packB}). Rows or
 * columns past the matrix edge are zero.
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
                interleave(a, aOff + first * lda + p0, lda, rows, kc, w, dst, base);
            }
        }
    }

    /**
     * Packs rows {@code [p0, p0+kc)} and columns {@code [j0, j0+nc)} of {@code op(B)} into split
     * slivers of 16 columns, from sliver {@code from} on (the caller has packed those before it):
     * sliver {@code s} starts at {@code s * 8 * kc} in both arrays, its first eight columns' groups
     * in {@code lo} and its last eight in {@code hi} (see {@link VectorSgemm}).
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int j0, int nc, int p0, int kc, float[] lo,
                      float[] hi, int from) {
        int w = VectorSgemm.NR;
        int h = w / 2;
        for (int s = from; s * w < nc; s++) {
            int base = s * h * kc;
            int cols = Math.min(w, nc - s * w);
            int left = Math.min(h, cols);
            int first = j0 + s * w;
            if (transB) {
                // op(B)[p][j] = b[j * ldb + p]
                interleave(b, bOff + first * ldb + p0, ldb, left, kc, h, lo, base);
                interleave(b, bOff + (first + h) * ldb + p0, ldb, cols - left, kc, h, hi, base);
            } else {
                for (int p = 0; p < kc; p++) {
                    splitGroup(b, bOff + (p0 + p) * ldb + first, cols, lo, hi, base + p * h);
                }
            }
        }
    }

    /**
     * One step of a split B sliver: {@code cols <= 16} floats of {@code src} from {@code from}, the
     * first eight into {@code lo} and the rest into {@code hi}, both at {@code d}, zero past
     * {@code cols} (see {@link VectorSgemm}).
     */
    static void splitGroup(float[] src, int from, int cols, float[] lo, float[] hi, int d) {
        int h = VectorSgemm.NR / 2;
        int left = Math.min(h, cols);
        System.arraycopy(src, from, lo, d, left);
        Arrays.fill(lo, d + left, d + h, 0f);
        if (cols > left) {
            System.arraycopy(src, from + h, hi, d, cols - left);
        }
        Arrays.fill(hi, d + cols - left, d + h, 0f);
    }

    /**
     * {@code dst[base + p * w + r] = src[start + r * stride + p]} for {@code r < count},
     * {@code p < kc}, and zero for {@code count <= r < w}: {@code count} source rows interleaved
     * into groups of {@code w}. Six rows (a whole sliver of {@link VectorSgemm}) or four at a time,
     * so each store lands next to the previous one instead of one cache line per element.
     */
    private static void interleave(float[] src, int start, int stride, int count, int kc, int w, float[] dst,
                                   int base) {
        int r = 0;
        if (count == 6) {
            int s0 = start;
            int s1 = s0 + stride;
            int s2 = s1 + stride;
            int s3 = s2 + stride;
            int s4 = s3 + stride;
            int s5 = s4 + stride;
            for (int p = 0; p < kc; p++) {
                int d = base + p * w;
                dst[d] = src[s0 + p];
                dst[d + 1] = src[s1 + p];
                dst[d + 2] = src[s2 + p];
                dst[d + 3] = src[s3 + p];
                dst[d + 4] = src[s4 + p];
                dst[d + 5] = src[s5 + p];
            }
            r = 6;
        }
        for (; r + 4 <= count; r += 4) {
            int s0 = start + r * stride;
            int s1 = s0 + stride;
            int s2 = s1 + stride;
            int s3 = s2 + stride;
            for (int p = 0; p < kc; p++) {
                int d = base + p * w + r;
                dst[d] = src[s0 + p];
                dst[d + 1] = src[s1 + p];
                dst[d + 2] = src[s2 + p];
                dst[d + 3] = src[s3 + p];
            }
        }
        for (; r < count; r++) {
            int s0 = start + r * stride;
            for (int p = 0; p < kc; p++) {
                dst[base + p * w + r] = src[s0 + p];
            }
        }
        if (count < w) {
            for (int p = 0; p < kc; p++) {
                int d = base + p * w;
                for (int z = count; z < w; z++) {
                    dst[d + z] = 0f;
                }
            }
        }
    }
}
