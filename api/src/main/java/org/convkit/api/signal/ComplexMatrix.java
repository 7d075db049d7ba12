package org.convkit.api.signal;

import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * A complex float64 matrix stored as two parallel row-major arrays, so no element is boxed: entry
 * {@code (r, c)} is {@code re[r * cols + c] + i im[r * cols + c]}. Spectra use it as
 * {@code [frequency, frame]}, the layout of scipy.signal.stft's {@code Z} and torch.stft's output.
 * The arrays are shared, not copied: kernels write into them.
 *
 * @param rows number of rows (frequencies)
 * @param cols number of columns (frames)
 * @param re   real parts, {@code rows * cols} values
 * @param im   imaginary parts, {@code rows * cols} values
 */
public record ComplexMatrix(int rows, int cols, double[] re, double[] im) {

    public ComplexMatrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("complex matrix dimensions must be >= 0, got " + rows + " x " + cols);
        }
        if (re.length != (long) rows * cols || im.length != re.length) {
            throw new IllegalArgumentException("complex matrix " + rows + " x " + cols + " needs " + (long) rows * cols
                    + " real and imaginary values, got " + re.length + " and " + im.length);
        }
    }

    /** A zero matrix of {@code rows x cols}. */
    public static ComplexMatrix zeros(int rows, int cols) {
        long n = (long) rows * cols;
        if (rows < 0 || cols < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot allocate a complex matrix of " + rows + " x " + cols);
        }
        return new ComplexMatrix(rows, cols, new double[(int) n], new double[(int) n]);
    }

    public double re(int r, int c) {
        return re[index(r, c)];
    }

    public double im(int r, int c) {
        return im[index(r, c)];
    }

    /** {@code |z|} of entry {@code (r, c)}. */
    public double abs(int r, int c) {
        int i = index(r, c);
        return Math.hypot(re[i], im[i]);
    }

    /** The element-wise magnitudes {@code |z|} as a {@code [rows, cols]} array. */
    public DoubleNd magnitude() {
        double[] m = new double[re.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.hypot(re[i], im[i]);
        }
        return DoubleNd.of(Shape.of(rows, cols), m);
    }

    /** The element-wise powers {@code |z|^2 = re^2 + im^2} as a {@code [rows, cols]} array. */
    public DoubleNd power() {
        double[] p = new double[re.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = re[i] * re[i] + im[i] * im[i];
        }
        return DoubleNd.of(Shape.of(rows, cols), p);
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside " + rows + " x " + cols);
        }
        return r * cols + c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(re, m.re)
                && Arrays.equals(im, m.im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(re) + 7 * Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "ComplexMatrix[" + rows + " x " + cols + "]";
    }
}
