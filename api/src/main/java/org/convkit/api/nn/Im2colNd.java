package org.convkit.api.nn;

import java.util.Arrays;

/**
 * The rank-generic {@link Im2col}. Each column row is cut into runs along the last axis: for every
 * combination of outer kernel taps and outer output positions a table holds the source row start
 * (or -1 when that row falls in the padding), and for every last-axis tap the range of output
 * positions that land inside the source. Inside a run a stride-1 copy is one
 * {@link System#arraycopy}; padding is written as zeros.
 */
final class Im2colNd implements Im2col {
    private final ConvLayerGeometry g;
    private final int inSize;
    private final int outSize;
    private final int taps;
    private final int lastOut;
    private final int lastStride;
    private final int lastTaps;
    private final int outerTaps;
    private final int outerPositions;
    /** Source row start for [outer tap][outer position], -1 in the padding. */
    private final int[] rowStart;
    /** Per last-axis tap: first and end output position inside the source, and the source shift. */
    private final int[] lo;
    private final int[] hi;
    private final int[] shift;

    Im2colNd(ConvLayerGeometry g) {
        this.g = g;
        int[] in = g.in();
        int[] out = g.out();
        int[] pad = g.padBefore();
        int[] k = g.kernel();
        int[] s = g.stride();
        int[] d = g.dilation();
        int r = in.length;
        inSize = g.inSize();
        outSize = g.outSize();
        taps = g.kernelSize();
        lastOut = out[r - 1];
        lastStride = s[r - 1];
        lastTaps = k[r - 1];
        outerTaps = taps / lastTaps;
        outerPositions = outSize / lastOut;
        lo = new int[lastTaps];
        hi = new int[lastTaps];
        shift = new int[lastTaps];
        for (int t = 0; t < lastTaps; t++) {
            shift[t] = t * d[r - 1] - pad[r - 1];
            // source index j s + shift must lie in [0, in)
            lo[t] = Math.min(lastOut, Math.max(0, ceilDiv(-shift[t], lastStride)));
            hi[t] = Math.max(lo[t], Math.min(lastOut, ceilDiv(in[r - 1] - shift[t], lastStride)));
        }
        rowStart = new int[outerTaps * outerPositions];
        int[] tap = new int[Math.max(r - 1, 0)];
        int[] pos = new int[Math.max(r - 1, 0)];
        for (int to = 0; to < outerTaps; to++) {
            unravel(to, k, tap);
            for (int q = 0; q < outerPositions; q++) {
                unravel(q, out, pos);
                int start = 0;
                for (int a = 0; a < r - 1 && start >= 0; a++) {
                    int i = pos[a] * s[a] + tap[a] * d[a] - pad[a];
                    start = i < 0 || i >= in[a] ? -1 : start * in[a] + i;
                }
                rowStart[to * outerPositions + q] = start < 0 ? -1 : start * in[r - 1];
            }
        }
    }

    @Override
    public ConvLayerGeometry geometry() {
        return g;
    }

    @Override
    public int runs() {
        return outerPositions;
    }

    @Override
    public void im2col(float[] x, int xOff, int channels, int qLo, int qHi, float[] cols, int colsOff) {
        int width = (qHi - qLo) * lastOut;
        int row = colsOff;
        for (int c = 0; c < channels; c++) {
            int xc = xOff + c * inSize;
            for (int to = 0; to < outerTaps; to++) {
                int table = to * outerPositions;
                for (int t = 0; t < lastTaps; t++, row += width) {
                    int l = lo[t];
                    int h = hi[t];
                    int sh = shift[t];
                    if (l == 0 && h == lastOut && lastStride == 1) {
                        copyWholeRuns(x, xc + sh, table, qLo, qHi, cols, row);
                        continue;
                    }
                    for (int q = qLo, dst = row; q < qHi; q++, dst += lastOut) {
                        int src = rowStart[table + q];
                        if (src < 0 || l == h) {
                            Arrays.fill(cols, dst, dst + lastOut, 0f);
                            continue;
                        }
                        src += xc + sh;
                        if (l > 0) {
                            Arrays.fill(cols, dst, dst + l, 0f);
                        }
                        if (lastStride == 1) {
                            System.arraycopy(x, src + l, cols, dst + l, h - l);
                        } else {
                            for (int j = l; j < h; j++) {
                                cols[dst + j] = x[src + j * lastStride];
                            }
                        }
                        if (h < lastOut) {
                            Arrays.fill(cols, dst + h, dst + lastOut, 0f);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void col2im(float[] cols, int colsOff, int channels, int qLo, int qHi, float[] x, int xOff) {
        int width = (qHi - qLo) * lastOut;
        int row = colsOff;
        for (int c = 0; c < channels; c++) {
            int xc = xOff + c * inSize;
            for (int to = 0; to < outerTaps; to++) {
                int table = to * outerPositions;
                for (int t = 0; t < lastTaps; t++, row += width) {
                    int l = lo[t];
                    int h = hi[t];
                    int sh = shift[t];
                    for (int q = qLo, src = row; q < qHi; q++, src += lastOut) {
                        int dst = rowStart[table + q];
                        if (dst < 0) {
                            continue;
                        }
                        dst += xc + sh;
                        if (lastStride == 1) {
                            int j = Simd.VECTOR ? l + VectorOps.add(x, dst + l, cols, src + l, h - l) : l;
                            for (; j < h; j++) {
                                x[dst + j] += cols[src + j];
                            }
                        } else {
                            for (int j = l; j < h; j++) {
                                x[dst + j * lastStride] += cols[src + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Runs {@code [qLo, qHi)} of a tap that reads whole source rows: runs whose source rows follow
     * each other in memory (same width, outer stride 1) are copied as one span.
     */
    private void copyWholeRuns(float[] x, int base, int table, int qLo, int qHi, float[] cols, int dst) {
        int q = qLo;
        while (q < qHi) {
            int src = rowStart[table + q];
            if (src < 0) {
                Arrays.fill(cols, dst, dst + lastOut, 0f);
                q++;
                dst += lastOut;
                continue;
            }
            int end = q + 1;
            while (end < qHi && rowStart[table + end] == src + (end - q) * lastOut) {
                end++;
            }
            int len = (end - q) * lastOut;
            System.arraycopy(x, base + src, cols, dst, len);
            dst += len;
            q = end;
        }
    }

    /** Row-major multi-index of {@code flat} over the first {@code idx.length} axes of {@code dims}. */
    private static void unravel(int flat, int[] dims, int[] idx) {
        for (int a = idx.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
