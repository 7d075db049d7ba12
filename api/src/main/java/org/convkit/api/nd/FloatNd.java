package org.convkit.api.nd;

import java.util.Arrays;

/** A float32 {@link NdArray}. The backing array is exposed for kernels; views share it. */
public final class FloatNd extends StoredNd {
    private final float[] data;

    /** Wraps {@code data} (not copied) from {@code offset} with the given shape. */
    public FloatNd(float[] data, int offset, Shape shape) {
        super(data.length, offset, shape);
        this.data = data;
    }

    /** Wraps a whole array (not copied); its length must be the shape's size. */
    public static FloatNd of(Shape shape, float... data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(data.length + " values for shape " + shape + " (" + shape.size() + ")");
        }
        return new FloatNd(data, 0, shape);
    }

    public static FloatNd zeros(Shape shape) {
        return new FloatNd(new float[shape.size()], 0, shape);
    }

    @Override
    FloatNd view(int offset, Shape shape) {
        return new FloatNd(data, offset, shape);
    }

    /** The backing array; element 0 of this view is at {@link #offset()}. */
    public float[] data() {
        return data;
    }

    @Override
    public DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    public double getDouble(int flat) {
        return data[offset() + flat];
    }

    @Override
    public void setDouble(int flat, double v) {
        data[offset() + flat] = (float) v;
    }

    public float get(int... idx) {
        return data[offset() + shape().index(idx)];
    }

    @Override
    public FloatNd slice(int i) {
        return (FloatNd) super.slice(i);
    }

    @Override
    public FloatNd reshape(Shape to) {
        return (FloatNd) super.reshape(to);
    }

    /** The elements as a fresh, exactly sized array. */
    public float[] toArray() {
        return Arrays.copyOfRange(data, offset(), offset() + shape().size());
    }

    public FloatNd copy() {
        return new FloatNd(toArray(), 0, shape());
    }

    @Override
    public DoubleNd toDouble() {
        double[] d = new double[shape().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[offset() + i];
        }
        return new DoubleNd(d, 0, shape());
    }

    @Override
    public FloatNd toFloat() {
        return this;
    }
}
