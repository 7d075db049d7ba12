package org.convkit.api.nd;

/**
 * What float32 and float64 arrays share: the shape, the offset into the backing array, and the
 * view arithmetic. Subclasses add only their element storage.
 */
public abstract sealed class StoredNd implements NdArray permits DoubleNd, FloatNd {
    private final int offset;
    private final Shape shape;

    StoredNd(int backingLength, int offset, Shape shape) {
        if (offset < 0 || offset + shape.size() > backingLength) {
            throw new IllegalArgumentException("view of shape " + shape + " at offset " + offset
                    + " does not fit a backing array of " + backingLength + " elements");
        }
        this.offset = offset;
        this.shape = shape;
    }

    /** A view of this array's storage at {@code offset} with {@code shape}. */
    abstract StoredNd view(int offset, Shape shape);

    @Override
    public final Shape shape() {
        return shape;
    }

    @Override
    public final int offset() {
        return offset;
    }

    @Override
    public StoredNd slice(int i) {
        if (shape.rank() == 0 || i < 0 || i >= shape.dim(0)) {
            throw new IndexOutOfBoundsException("slice " + i + " of shape " + shape);
        }
        Shape inner = shape.dropFirst();
        return view(offset + i * inner.size(), inner);
    }

    @Override
    public StoredNd reshape(Shape to) {
        if (shape.size() != to.size()) {
            throw new IllegalArgumentException("cannot reshape " + shape + " (" + shape.size() + " elements) to "
                    + to + " (" + to.size() + " elements)");
        }
        return view(offset, to);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + shape + "]";
    }
}
