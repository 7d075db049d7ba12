package org.convkit.api.signal;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * The multichannel layout the IIR filters share: an array of rank >= 1 is a stack of independent
 * rows along its last (time) axis, each {@link #length} samples long and stored contiguously.
 */
final class TimeRows {

    private TimeRows() {
    }

    static void requireSignal(String op, DoubleNd x) {
        if (x == null) {
            throw new IllegalArgumentException(op + ": the signal must not be null");
        }
        if (x.shape().rank() < 1) {
            throw new IllegalArgumentException(op + " filters along the last axis and needs an array of rank >= 1, got shape "
                    + x.shape());
        }
    }

    /** Samples per row: the size of the last axis. */
    static int length(DoubleNd x) {
        return x.shape().dim(x.shape().rank() - 1);
    }

    /** Number of rows: the product of every axis but the last (1 for a 1-d signal). */
    static int rows(DoubleNd x) {
        int n = length(x);
        return n == 0 ? sizeWithoutLast(x.shape()) : x.shape().size() / n;
    }

    /** {@code x}'s shape with the last axis replaced by {@code last}. */
    static Shape withLast(Shape s, int last) {
        int[] d = s.dims();
        d[d.length - 1] = last;
        return Shape.of(d);
    }

    /** {@code x}'s shape with the last axis replaced by {@code last} and {@code first} prepended. */
    static Shape stateShape(Shape s, int first, int last) {
        return withLast(s, last).prepend(first);
    }

    private static int sizeWithoutLast(Shape s) {
        int p = 1;
        for (int i = 0; i < s.rank() - 1; i++) {
            p *= s.dim(i);
        }
        return p;
    }

    /**
     * scipy.signal's odd extension ({@code odd_ext}) of {@code x[xo .. xo + n)} by {@code edge} samples
     * on each side into {@code ext[0 .. n + 2 * edge)}: {@code ext[edge - 1 - i] = 2 x[0] - x[i + 1]} and
     * {@code ext[edge + n + i] = 2 x[n - 1] - x[n - 2 - i]}. Requires {@code edge < n}.
     */
    static void oddExtend(double[] x, int xo, int n, int edge, double[] ext) {
        double first = x[xo];
        double last = x[xo + n - 1];
        for (int i = 0; i < edge; i++) {
            ext[i] = 2 * first - x[xo + edge - i];
        }
        System.arraycopy(x, xo, ext, edge, n);
        for (int i = 0; i < edge; i++) {
            ext[edge + n + i] = 2 * last - x[xo + n - 2 - i];
        }
    }

    static void reverse(double[] v, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    /** {@code to[too + i] = from[fo + n - 1 - i]} for {@code i < n}: the reverse of a slice, copied. */
    static void copyReversed(double[] from, int fo, int n, double[] to, int too) {
        for (int i = 0; i < n; i++) {
            to[too + i] = from[fo + n - 1 - i];
        }
    }

    /** The error filtfilt and sosfiltfilt report when the signal is not longer than the padding. */
    static void requireLongerThanPad(String op, int n, int padlen) {
        if (n <= padlen) {
            throw new IllegalArgumentException("the signal has " + n + " samples but " + op
                    + " needs more than padlen " + padlen);
        }
    }
}
