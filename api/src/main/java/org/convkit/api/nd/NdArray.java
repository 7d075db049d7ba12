package org.convkit.api.nd;

/**
 * A dense row-major N-d array over a primitive backing array, possibly a view into a larger one.
 * Views of a leading index ({@link #slice(int)}: one batch item, one channel) share the backing
 * array and cost nothing; everything in a view is contiguous from {@link #offset()}.
 */
public sealed interface NdArray permits StoredNd {

    Shape shape();

    DType dtype();

    /** Index of element 0 in the backing array. */
    int offset();

    /** Element at a row-major flat index, widened to double. */
    double getDouble(int flat);

    /** Stores {@code v} (rounded to this array's precision) at a row-major flat index. */
    void setDouble(int flat, double v);

    /** A view of index {@code i} along the first axis (shares storage). */
    NdArray slice(int i);

    /** The same elements seen with another shape of equal size (shares storage). */
    NdArray reshape(Shape shape);

    /** This array as float64: itself when it already is, else a converted copy. */
    DoubleNd toDouble();

    /** This array as float32: itself when it already is, else a converted (rounded) copy. */
    FloatNd toFloat();

    /** A zero array of the given dtype and shape. */
    static NdArray zeros(DType dtype, Shape shape) {
        return dtype == DType.FLOAT64 ? DoubleNd.zeros(shape) : FloatNd.zeros(shape);
    }

    /** {@code values} converted to the given dtype (no copy when it already has it). */
    static NdArray as(DType dtype, NdArray values) {
        return dtype == DType.FLOAT64 ? values.toDouble() : values.toFloat();
    }
}
