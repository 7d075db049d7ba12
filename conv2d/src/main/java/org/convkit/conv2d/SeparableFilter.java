package org.convkit.conv2d;

import org.convkit.api.ndimage.Boundary;
import org.convkit.api.parallel.Parallel;

/**
 * Per-axis correlation passes in float32 over an N-d row-major array, axis 0 first, each pass
 * extending its own input by the boundary rule (scipy.ndimage's sequence of correlate1d calls).
 * Axes other than the last two run as column passes: each output line accumulates whole input
 * lines (contiguous, vectorised) selected by the boundary rule, in strips that stay in cache. The
 * last two axes run fused, line by line: the column result is written straight into a padded row
 * buffer, extended in place, and filtered along the row, so no intermediate array is written.
 */
final class SeparableFilter {
    /** Bytes of L1 given to the {@code K} input strips an output strip of a column filter needs. */
    private static final int L1_BUDGET = 16 * 1024;
    /** Rows per unit of work of the fused pass: their column results stay in L2 for the row filter. */
    private static final int BAND = 16;

    private SeparableFilter() {
    }

    /** The filtered copy of {@code x[xOff ..]} of shape {@code dims}; {@code w[a] == null} skips axis {@code a}. */
    static float[] run(LineKernels lk, float[] x, int xOff, int[] dims, double[][] w, int[] centre, Boundary mode,
                       float cval, int threads) {
        int rank = dims.length;
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        float[][] fw = new float[rank][];
        for (int a = 0; a < rank; a++) {
            fw[a] = w[a] == null ? null : toFloat(w[a]);
        }
        int last = rank - 1;
        boolean fuse = rank >= 2 && fw[last] != null && fw[last - 1] != null;
        int columnEnd = fuse ? last - 1 : fw[last] != null ? last : rank;
        float[] cur = x;
        int curOff = xOff;
        float[] spare = null;
        for (int a = 0; a < columnEnd; a++) {
            if (fw[a] == null) {
                continue;
            }
            float[] out = spare != null ? spare : new float[size];
            spare = cur == x ? null : cur;
            columnPass(lk, cur, curOff, out, outer(dims, a), dims[a], inner(dims, a), fw[a], centre[a], mode, cval, threads);
            cur = out;
            curOff = 0;
        }
        if (fuse || fw[last] != null) {
            float[] out = spare != null ? spare : new float[size];
            if (fuse) {
                fusedLastTwo(lk, cur, curOff, out, outer(dims, last - 1), dims[last - 1], dims[last], fw[last - 1],
                        centre[last - 1], fw[last], centre[last], mode, cval, threads);
            } else {
                rowPass(lk, cur, curOff, out, size / dims[last], dims[last], fw[last], centre[last], mode, cval, threads);
            }
            return out;
        }
        if (cur == x) {
            return java.util.Arrays.copyOfRange(x, xOff, xOff + size);
        }
        return cur;
    }

    private static void columnPass(LineKernels lk, float[] in, int inOff, float[] out, int outer, int n, int inner,
                                   float[] w, int c, Boundary mode, float cval, int threads) {
        int strip = strip(w.length);
        int strips = (inner + strip - 1) / strip;
        Parallel.forRange(outer * strips, threads, (lo, hi) -> {
            int[] offs = new int[w.length];
            float[] ws = new float[w.length];
            float[] bias = new float[1];
            for (int u = lo; u < hi; u++) {
                int o = u / strips;
                int c0 = (u % strips) * strip;
                int len = Math.min(strip, inner - c0);
                int base = inOff + o * n * inner + c0;
                for (int i = 0; i < n; i++) {
                    int m = taps(w, c, i, n, mode, cval, base, inner, offs, ws, bias);
                    lk.columns(out, o * n * inner + i * inner + c0, in, offs, ws, m, bias[0], len);
                }
            }
        });
    }

    private static void fusedLastTwo(LineKernels lk, float[] in, int inOff, float[] out, int outer, int h, int wid,
                                     float[] wc, int cc, float[] wr, int cr, Boundary mode, float cval, int threads) {
        int width = wid + wr.length - 1;
        int bands = (h + BAND - 1) / BAND;
        int strip = strip(wc.length);
        Parallel.forRange(outer * bands, threads, (lo, hi) -> {
            int[] offs = new int[wc.length];
            float[] ws = new float[wc.length];
            float[][] rows = new float[BAND][width];
            float[] bias = new float[1];
            for (int u = lo; u < hi; u++) {
                int o = u / bands;
                int i0 = (u % bands) * BAND;
                int i1 = Math.min(h, i0 + BAND);
                // column filter strip by strip, so the input strips stay in L1 while the band slides down
                for (int c0 = 0; c0 < wid; c0 += strip) {
                    int len = Math.min(strip, wid - c0);
                    for (int i = i0; i < i1; i++) {
                        int m = taps(wc, cc, i, h, mode, cval, inOff + o * h * wid + c0, wid, offs, ws, bias);
                        lk.columns(rows[i - i0], cr + c0, in, offs, ws, m, bias[0], len);
                    }
                }
                for (int i = i0; i < i1; i++) {
                    PaddedRow.extendInPlace(rows[i - i0], width, cr, wid, mode, cval);
                    lk.row(out, (o * h + i) * wid, rows[i - i0], wr, wid);
                }
            }
        });
    }

    private static void rowPass(LineKernels lk, float[] in, int inOff, float[] out, int lines, int wid, float[] w, int c,
                                Boundary mode, float cval, int threads) {
        int width = wid + w.length - 1;
        Parallel.forRange(lines, threads, (lo, hi) -> {
            float[] row = new float[width];
            for (int u = lo; u < hi; u++) {
                PaddedRow.fill(row, width, c, in, inOff + u * wid, wid, mode, cval);
                lk.row(out, u * wid, row, w, wid);
            }
        });
    }

    /**
     * The taps of output line {@code i} along an axis of length {@code n}: offsets of the input
     * lines inside the extent and their weights, in tap order, and in {@code bias[0]} the constant's
     * contribution; returns the number of lines.
     */
    private static int taps(float[] w, int c, int i, int n, Boundary mode, float cval, int base, int lineStride,
                            int[] offs, float[] ws, float[] biasOut) {
        float bias = 0;
        int m = 0;
        for (int p = 0; p < w.length; p++) {
            int s = mode.source(i + p - c, n);
            if (s < 0) {
                bias += w[p] * cval;
            } else {
                offs[m] = base + s * lineStride;
                ws[m++] = w[p];
            }
        }
        biasOut[0] = bias;
        return m;
    }

    /** Strip width (floats, a multiple of 64, at least 256) so that {@code k} input strips fit {@link #L1_BUDGET}. */
    private static int strip(int k) {
        return Math.max(256, L1_BUDGET / (4 * k) / 64 * 64);
    }

    private static int outer(int[] dims, int axis) {
        int o = 1;
        for (int a = 0; a < axis; a++) {
            o *= dims[a];
        }
        return o;
    }

    private static int inner(int[] dims, int axis) {
        int o = 1;
        for (int a = axis + 1; a < dims.length; a++) {
            o *= dims[a];
        }
        return o;
    }

    private static float[] toFloat(double[] w) {
        float[] f = new float[w.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) w[i];
        }
        return f;
    }
}
