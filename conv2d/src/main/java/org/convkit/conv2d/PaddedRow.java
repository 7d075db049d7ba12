package org.convkit.conv2d;

import org.convkit.api.ndimage.Boundary;

/** Fills a row padded on both sides by a boundary rule, so the inner loops never test bounds. */
final class PaddedRow {
    private PaddedRow() {
    }

    /**
     * {@code dst[v] = x[xOff + mode.source(v - left, n)]} (or {@code cval}) for {@code v} in
     * {@code [0, width)}: the input line of length {@code n} starts at {@code dst[left]}.
     */
    static void fill(float[] dst, int width, int left, float[] x, int xOff, int n, Boundary mode, float cval) {
        int lo = Math.max(0, Math.min(left, width));
        int hi = Math.max(lo, Math.min(width, left + n));
        System.arraycopy(x, xOff + lo - left, dst, lo, hi - lo);
        for (int v = 0; v < lo; v++) {
            int s = mode.source(v - left, n);
            dst[v] = s < 0 ? cval : x[xOff + s];
        }
        for (int v = hi; v < width; v++) {
            int s = mode.source(v - left, n);
            dst[v] = s < 0 ? cval : x[xOff + s];
        }
    }

    /**
     * Extends in place a row whose interior {@code [left, left + n)} is already in {@code row}:
     * fills {@code [0, left)} and {@code [left + n, width)} from the interior.
     */
    static void extendInPlace(float[] row, int width, int left, int n, Boundary mode, float cval) {
        for (int v = 0; v < left; v++) {
            int s = mode.source(v - left, n);
            row[v] = s < 0 ? cval : row[left + s];
        }
        for (int v = left + n; v < width; v++) {
            int s = mode.source(v - left, n);
            row[v] = s < 0 ? cval : row[left + s];
        }
    }
}
