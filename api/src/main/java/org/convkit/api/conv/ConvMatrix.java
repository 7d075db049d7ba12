package org.convkit.api.conv;

import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * The seed's "sparse matrix representation" of a convolution: for a fixed input shape, kernel and
 * spec, the matrix {@code M} (compressed sparse rows, float64) with {@code y = M x} on the flattened
 * row-major arrays. Its transpose applies the adjoint, {@code x̄ = Mᵀ ȳ}: the correlation of the
 * upstream gradient with the flipped (applied) kernel, which is how backpropagation moves a
 * gradient through a convolution layer.
 */
public final class ConvMatrix {
    private final ConvGeometry g;
    private final int[] rowStart;
    private final int[] column;
    private final double[] value;

    private ConvMatrix(ConvGeometry g, int[] rowStart, int[] column, double[] value) {
        this.g = g;
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
    }

    /**
     * Builds the matrix of {@code spec} applied to inputs of shape {@code input} with {@code kernel}.
     * Rows follow the output in row-major order, columns the input.
     */
    public static ConvMatrix of(Shape input, NdArray kernel, ConvSpec spec) {
        ConvGeometry g = ConvGeometry.of(input, kernel.shape(), spec);
        int rows = g.output().size();
        int[] rowStart = new int[rows + 1];
        int[] column = new int[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, g.directMacs()))];
        double[] value = new double[column.length];
        ConvTaps taps = new ConvTaps(g);
        int[] n = new int[1];
        for (int r = 0; r < rows; r++) {
            taps.visit(r, (xi, ki) -> {
                column[n[0]] = xi;
                value[n[0]] = kernel.getDouble(ki);
                n[0]++;
            });
            rowStart[r + 1] = n[0];
        }
        return new ConvMatrix(g, rowStart, Arrays.copyOf(column, n[0]), Arrays.copyOf(value, n[0]));
    }

    /** Number of rows: the output's size. */
    public int rows() {
        return rowStart.length - 1;
    }

    /** Number of columns: the input's size. */
    public int columns() {
        return g.input().size();
    }

    /** Stored entries (taps that do not fall in the zero padding). */
    public int nonZeros() {
        return column.length;
    }

    /** The geometry this matrix encodes. */
    public ConvGeometry geometry() {
        return g;
    }

    /** Entry {@code (row, col)}; zero when not stored. */
    public double get(int row, int col) {
        for (int i = rowStart[row]; i < rowStart[row + 1]; i++) {
            if (column[i] == col) {
                return value[i];
            }
        }
        return 0;
    }

    /** {@code M x}: the convolution of {@code x} (of the input shape), shaped as the output. */
    public DoubleNd multiply(NdArray x) {
        requireShape(x, g.input(), "input");
        double[] y = new double[rows()];
        for (int r = 0; r < y.length; r++) {
            double acc = 0;
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                acc += value[i] * x.getDouble(column[i]);
            }
            y[r] = acc;
        }
        return DoubleNd.of(g.output(), y);
    }

    /** {@code Mᵀ y}: the adjoint applied to {@code y} (of the output shape), shaped as the input. */
    public DoubleNd multiplyTransposed(NdArray y) {
        requireShape(y, g.output(), "output");
        double[] x = new double[columns()];
        for (int r = 0; r < rows(); r++) {
            double yr = y.getDouble(r);
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                x[column[i]] += value[i] * yr;
            }
        }
        return DoubleNd.of(g.input(), x);
    }

    private static void requireShape(NdArray a, Shape want, String what) {
        if (!a.shape().equals(want)) {
            throw new IllegalArgumentException("array of shape " + a.shape() + " does not match the " + what
                    + " shape " + want + " of this convolution matrix");
        }
    }
}
