package org.convkit.api.nd;

import java.util.Arrays;

/** A float64 {@link NdArray}. The backing array is exposed for kernels; views share it. */
public final class DoubleNd extends StoredNd {
    private final double[] data;

    /** Wraps {@code data} (not copied) from {@code offset} with the given shape. */
    public DoubleNd(double[] data, int offset, Shape shape) {
        super(data.length, offset, shape);
        this.data = data;
    }

    /** Wraps a whole array (not copied); its length must be the shape's size. */
    public static DoubleNd of(Shape shape, double... data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(data.length + " values for shape " + shape + " (" + shape.size() + ")");
        }
        return new DoubleNd(data, 0, shape);
    }

    /** A 1-d array over {@code data} (not copied). */
    public static DoubleNd vector(double... data) {
        return new DoubleNd(data, 0, Shape.of(data.length));
    }

    public static DoubleNd zeros(Shape shape) {
        return new DoubleNd(new double[shape.size()], 0, shape);
    }

    @Override
    DoubleNd view(int offset, Shape shape) {
        return new DoubleNd(data, offset, shape);
    }

    /** The backing array; element 0 of this view is at {@link #offset()}. */
    public double[] data() {
        return data;
    }

    @Override
    public DType dtype() {
        return DType.FLOAT64;
    }

    @Override
    public double getDouble(int flat) {
        return data[offset() + flat];
    }

    @Override
    public void setDouble(int flat, double v) {
        data[offset() + flat] = v;
    }

    public double get(int... idx) {
        return data[offset() + shape().index(idx)];
    }

    @Override
    public DoubleNd slice(int i) {
        return (DoubleNd) super.slice(i);
    }

    @Override
    public DoubleNd reshape(Shape to) {
        return (DoubleNd) super.reshape(to);
    }

    /** The elements as a fresh, exactly sized array. */
    public double[] toArray() {
        return Arrays.copyOfRange(data, offset(), offset() + shape().size());
    }

    public DoubleNd copy() {
        return new DoubleNd(toArray(), 0, shape());
    }

    @Override
    public DoubleNd toDouble() {
        return this;
    }

    @Override
    public FloatNd toFloat() {
        float[] f = new float[shape().size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[offset() + i];
        }
        return new FloatNd(f, 0, shape());
    }
}
