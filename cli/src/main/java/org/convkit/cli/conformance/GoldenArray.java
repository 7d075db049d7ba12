package org.convkit.cli.conformance;

import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * A golden array: a row-major shape (empty for a scalar) and its values, with an imaginary part
 * when complex.
 *
 * @param shape dimensions
 * @param re    real parts, row-major, {@code prod(shape)} values
 * @param im    imaginary parts, or {@code null} for a real array
 */
public record GoldenArray(int[] shape, double[] re, double[] im) {

    public GoldenArray {
        shape = shape.clone();
        int n = Shape.of(shape).size();
        if (re.length != n || (im != null && im.length != n)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + re.length + (im == null ? "" : " real and " + im.length + " imaginary"));
        }
    }

    /** A real array with {@code a}'s shape and values. */
    public static GoldenArray of(NdArray a) {
        double[] v = new double[a.shape().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getDouble(i);
        }
        return new GoldenArray(a.shape().dims(), v, null);
    }

    /** A complex array. */
    public static GoldenArray complex(int[] shape, double[] re, double[] im) {
        return new GoldenArray(shape, re, im);
    }

    public boolean isComplex() {
        return im != null;
    }

    public Shape shapeNd() {
        return Shape.of(shape);
    }

    /** This real array as a float64 N-d array (a copy). */
    public DoubleNd toDoubleNd() {
        if (isComplex()) {
            throw new IllegalArgumentException("array of shape " + Arrays.toString(shape) + " is complex");
        }
        return DoubleNd.of(Shape.of(shape), re.clone());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoldenArray g && Arrays.equals(shape, g.shape) && Arrays.equals(re, g.re)
                && Arrays.equals(im, g.im);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(re) + 7 * Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return (isComplex() ? "complex" : "real") + Arrays.toString(shape);
    }
}
