package org.convkit.api.nd;

import java.util.Arrays;

/**
 * The dimensions of a row-major (C order) N-d array. Immutable; a rank-0 shape is a scalar.
 * Strides are in elements: the last axis is contiguous.
 */
public final class Shape {
    private final int[] dims;
    private final int[] strides;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        this.strides = new int[dims.length];
        long n = 1;
        for (int a = dims.length - 1; a >= 0; a--) {
            if (dims[a] < 0) {
                throw new IllegalArgumentException("negative dimension " + dims[a] + " in shape " + Arrays.toString(dims));
            }
            strides[a] = (int) n;
            n *= dims[a];
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " holds more than 2^31 elements");
            }
        }
        this.size = (int) n;
    }

    /** A shape with the given dimensions (copied). */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** Elements between neighbours along {@code axis}. */
    public int stride(int axis) {
        return strides[axis];
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        return size;
    }

    public int[] dims() {
        return dims.clone();
    }

    /** The shape without its first axis: the shape of one batch item or channel. */
    public Shape dropFirst() {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a scalar has no axis to drop");
        }
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** The shape with {@code n} prepended as a new first axis. */
    public Shape prepend(int n) {
        int[] d = new int[dims.length + 1];
        d[0] = n;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return new Shape(d);
    }

    /** Row-major flat index of a multi-index. */
    public int index(int... idx) {
        if (idx.length != dims.length) {
            throw new IllegalArgumentException("index of rank " + idx.length + " into shape " + this);
        }
        int flat = 0;
        for (int a = 0; a < dims.length; a++) {
            if (idx[a] < 0 || idx[a] >= dims[a]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " out of shape " + this);
            }
            flat += idx[a] * strides[a];
        }
        return flat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Dimensions joined by 'x', as in error messages: {@code 7x3}; a scalar prints as {@code ()}. */
    @Override
    public String toString() {
        if (dims.length == 0) {
            return "()";
        }
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < dims.length; a++) {
            if (a > 0) {
                sb.append('x');
            }
            sb.append(dims[a]);
        }
        return sb.toString();
    }
}
