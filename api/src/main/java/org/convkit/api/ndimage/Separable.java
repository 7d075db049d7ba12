package org.convkit.api.ndimage;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * A separable N-d kernel: the outer product {@code w[j0, j1, ...] = f0[j0] f1[j1] ...} of one 1-d
 * factor per axis. Correlating with it equals correlating with each factor along its axis in turn
 * (exactly so with every boundary rule except {@link Boundary#CONSTANT} with a non-zero value), at
 * {@code sum K} instead of {@code prod K} multiply-adds per element.
 */
public final class Separable {
    /** Largest second singular value, relative to the first, still taken as rank 1. */
    static final double RANK_ONE_TOLERANCE = 1e-12;

    private final double[][] factors;

    private Separable(double[][] factors) {
        this.factors = factors;
    }

    /** A kernel given directly as one non-empty 1-d factor per axis (copied). */
    public static Separable of(double[]... factors) {
        if (factors.length == 0) {
            throw new IllegalArgumentException("a separable kernel needs at least one factor");
        }
        double[][] f = new double[factors.length][];
        for (int a = 0; a < f.length; a++) {
            if (factors[a] == null || factors[a].length == 0) {
                throw new IllegalArgumentException("factor " + a + " of a separable kernel is empty");
            }
            f[a] = factors[a].clone();
        }
        return new Separable(f);
    }

    /**
     * Factors {@code w} when it is rank 1 (to {@value #RANK_ONE_TOLERANCE} of its largest singular
     * value), using the singular value decomposition of its unfolding along each axis in turn.
     * A 1-d kernel is its own factor. Empty when the kernel is not separable or is all zeros.
     */
    public static Optional<Separable> factor(NdArray w) {
        Shape s = w.shape();
        if (s.rank() == 0 || s.size() == 0) {
            return Optional.empty();
        }
        double[] rest = w.toDouble().toArray();
        double[][] f = new double[s.rank()][];
        for (int a = 0; a < s.rank() - 1; a++) {
            int rows = s.dim(a);
            int cols = rest.length / rows;
            double[][] m = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(rest, r * cols, m[r], 0, cols);
            }
            double[] col = new double[rows];
            double[] row = new double[cols];
            if (!rankOne(m, col, row)) {
                return Optional.empty();
            }
            f[a] = col;
            rest = row;
        }
        f[s.rank() - 1] = rest;
        return Optional.of(new Separable(f));
    }

    /** Splits {@code m ~ col * row^T}; false unless {@code m} is non-zero and rank 1. */
    private static boolean rankOne(double[][] m, double[] col, double[] row) {
        int rows = m.length;
        int cols = m[0].length;
        if (rows == 1 || cols == 1) {
            // SVD is unnecessary: a single row or column is its own outer product.
            boolean nonZero = false;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    nonZero |= m[r][c] != 0;
                }
            }
            for (int r = 0; r < rows; r++) {
                col[r] = cols == 1 ? m[r][0] : 1;
            }
            for (int c = 0; c < cols; c++) {
                row[c] = cols == 1 ? 1 : m[0][c];
            }
            return nonZero;
        }
        // Commons Math's SVD wants at least as many rows as columns: decompose the transpose otherwise.
        boolean transpose = rows < cols;
        Array2DRowRealMatrix mat = new Array2DRowRealMatrix(m, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(transpose ? mat.transpose() : mat);
        double[] sv = svd.getSingularValues();
        if (sv[0] == 0 || sv[1] > RANK_ONE_TOLERANCE * sv[0]) {
            return false;
        }
        double root = Math.sqrt(sv[0]);
        double[] u = svd.getU().getColumn(0);
        double[] v = svd.getV().getColumn(0);
        double[] left = transpose ? v : u;
        double[] right = transpose ? u : v;
        for (int r = 0; r < rows; r++) {
            col[r] = left[r] * root;
        }
        for (int c = 0; c < cols; c++) {
            row[c] = right[c] * root;
        }
        return true;
    }

    public int rank() {
        return factors.length;
    }

    /** The factor of {@code axis} (a copy). */
    public double[] factor(int axis) {
        return factors[axis].clone();
    }

    /** All factors, axis 0 first (copies). */
    public double[][] factors() {
        double[][] f = new double[factors.length][];
        for (int a = 0; a < f.length; a++) {
            f[a] = factors[a].clone();
        }
        return f;
    }

    /** The full N-d kernel, the outer product of the factors, in float64. */
    public DoubleNd toKernel() {
        int[] dims = new int[factors.length];
        for (int a = 0; a < dims.length; a++) {
            dims[a] = factors[a].length;
        }
        Shape s = Shape.of(dims);
        double[] k = new double[s.size()];
        for (int flat = 0; flat < k.length; flat++) {
            double p = 1;
            int rem = flat;
            for (int a = dims.length - 1; a >= 0; a--) {
                p *= factors[a][rem % dims[a]];
                rem /= dims[a];
            }
            k[flat] = p;
        }
        return DoubleNd.of(s, k);
    }

    @Override
    public String toString() {
        return "Separable" + Arrays.deepToString(factors);
    }
}
