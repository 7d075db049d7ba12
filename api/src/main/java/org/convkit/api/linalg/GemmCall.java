package org.convkit.api.linalg;

/**
 * The arguments of one {@link Sgemm#gemm} call, already validated, passed to the kernels.
 * {@code accumulate} is {@code beta == 1}. With {@code transC} the product is stored transposed:
 * element {@code (i, j)} of the {@code m x n} result lives at {@code c[cOff + j * ldc + i]} (used
 * to run {@code A B^T} as {@code (B A^T)^T}). With {@code packedB}, {@code b} and {@code bHigh} from
 * {@code bOff} are a {@link PackedB}'s two arrays in the split panel layout (B not transposed;
 * {@code ldb} unused); otherwise {@code bHigh} is null.
 */
record GemmCall(boolean transA, boolean transB, int m, int n, int k,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                boolean accumulate, float[] c, int cOff, int ldc, boolean transC, boolean packedB, float[] bHigh) {

    /** The same product computed as its transpose: {@code C^T = op(B)^T op(A)^T}, stored into the same C. */
    GemmCall swapped() {
        if (packedB) {
            throw new IllegalStateException("a packed B cannot become the left operand");
        }
        return new GemmCall(!transB, !transA, n, m, k, b, bOff, ldb, a, aOff, lda, accumulate, c, cOff, ldc, !transC,
                false, null);
    }

    /** The part of {@code C} one thread computes: rows {@code [r0, r1)}, columns {@code [c0, c1)}. */
    @FunctionalInterface
    interface Block {
        void run(GemmCall g, int r0, int r1, int c0, int c1, GemmScratch scratch);
    }
}
