package org.convkit.api.nn;

/**
 * The forward loops of {@link PoolLayer} for one input geometry: a general loop for any kernel,
 * stride and padding, and fast loops for the common unpadded cases (a kernel along the last axis
 * only with stride = kernel, e.g. 1-d pooling; 2x2 stride 2 over the last two axes; 2x2x2 stride 2
 * over all three). The fast
 * loops give bit-identical results to the general one: evaluation takes the {@code Math.max}
 * chain in the window's scan order (so the same NaN and the same signed zero come out), training
 * keeps the first element with {@code v > best || v != v} in scan order, as torch does.
 *
 * <p>Sizes are 3 axes, leading axes 1 (kernel and stride 1, padding 0) for lower ranks. Planes are
 * contiguous: plane {@code p} starts at {@code offset + p * inPlane} in the input and at
 * {@code p * outPlane} in the output; argmax indices are relative to their input plane.
 */
final class PoolForward {
    /** Which loop {@link #run} uses. */
    enum Path { GENERAL, ROWS, TWO_BY_TWO, CUBE }

    private final boolean max;
    private final int[] k;
    private final int[] s;
    private final int[] id;
    private final int[] od;
    private final int inPlane;
    private final int outPlane;
    private final float volume;
    /** Per axis, the clipped window {@code [lo, hi)} of each output position: [axis][0 lo / 1 hi][o]. */
    private final int[][][] windows;
    private final Path path;

    PoolForward(boolean max, int[] k, int[] s, int[] pad, int[] id, int[] od) {
        this.max = max;
        this.k = k.clone();
        this.s = s.clone();
        this.id = id.clone();
        this.od = od.clone();
        this.inPlane = id[0] * id[1] * id[2];
        this.outPlane = od[0] * od[1] * od[2];
        this.volume = k[0] * k[1] * k[2];
        this.windows = new int[3][2][];
        for (int a = 0; a < 3; a++) {
            windows[a][0] = new int[od[a]];
            windows[a][1] = new int[od[a]];
            for (int o = 0; o < od[a]; o++) {
                int start = o * s[a] - pad[a];
                windows[a][0][o] = Math.max(0, start);
                windows[a][1][o] = Math.min(id[a], start + k[a]);
            }
        }
        boolean unpadded = pad[0] == 0 && pad[1] == 0 && pad[2] == 0;
        if (max && unpadded && k[0] == 2 && s[0] == 2 && k[1] == 2 && s[1] == 2 && k[2] == 2 && s[2] == 2) {
            path = Path.CUBE;
        } else if (!max || !unpadded || k[0] != 1) {
            path = Path.GENERAL;
        } else if (k[1] == 1 && s[2] == k[2]) {
            path = Path.ROWS;
        } else if (k[1] == 2 && s[1] == 2 && k[2] == 2 && s[2] == 2) {
            path = Path.TWO_BY_TWO;
        } else {
            path = Path.GENERAL;
        }
    }

    Path path() {
        return path;
    }

    /** Per axis, the clipped window {@code [lo, hi)} of each output position: [axis][0 lo / 1 hi][o]; not copied. */
    int[][][] windows() {
        return windows;
    }

    /**
     * Pools planes {@code [lo, hi)} of {@code in} into {@code y}; with {@code argmax} non-null (max
     * pooling in training) also records each maximum's index in its input plane.
     */
    void run(float[] in, int offset, float[] y, int[] argmax, int lo, int hi) {
        switch (path) {
            case ROWS -> rows(in, offset, y, argmax, lo, hi);
            case TWO_BY_TWO -> twoByTwo(in, offset, y, argmax, lo, hi);
            case CUBE -> PoolCube.run(in, offset, y, argmax, lo, hi, id, od);
            default -> general(in, offset, y, argmax, lo, hi);
        }
    }

    /** Any kernel, stride and padding: the reference the fast loops match bit for bit. */
    void general(float[] in, int offset, float[] y, int[] argmax, int lo, int hi) {
        int[] lo0 = windows[0][0], hi0 = windows[0][1], lo1 = windows[1][0], hi1 = windows[1][1];
        int[] lo2 = windows[2][0], hi2 = windows[2][1];
        int od0n = od[0], od1n = od[1], od2n = od[2], id1 = id[1], id2 = id[2];
        for (int p = lo; p < hi; p++) {
            int base = offset + p * inPlane;
            int o = p * outPlane;
            for (int od0 = 0; od0 < od0n; od0++) {
                for (int od1 = 0; od1 < od1n; od1++) {
                    for (int od2 = 0; od2 < od2n; od2++, o++) {
                        int a0 = lo0[od0], a1 = hi0[od0], b0 = lo1[od1], b1 = hi1[od1], c0 = lo2[od2], c1 = hi2[od2];
                        if (max && argmax == null) {
                            // evaluation needs only the value: Math.max (NaN wins) has no branch to mispredict
                            float m = Float.NEGATIVE_INFINITY;
                            for (int a = a0; a < a1; a++) {
                                for (int b = b0; b < b1; b++) {
                                    int row = base + (a * id1 + b) * id2;
                                    for (int c = c0; c < c1; c++) {
                                        m = Math.max(m, in[row + c]);
                                    }
                                }
                            }
                            y[o] = m;
                        } else if (max) {
                            // the window's first input element when all are -inf, as torch
                            int best = (a0 * id1 + b0) * id2 + c0;
                            float bestValue = Float.NEGATIVE_INFINITY;
                            for (int a = a0; a < a1; a++) {
                                for (int b = b0; b < b1; b++) {
                                    int row = (a * id1 + b) * id2;
                                    for (int c = c0; c < c1; c++) {
                                        float v = in[base + row + c];
                                        if (v > bestValue || v != v) {
                                            bestValue = v;
                                            best = row + c;
                                        }
                                    }
                                }
                            }
                            y[o] = bestValue;
                            argmax[o] = best;
                        } else {
                            float sum = 0f;
                            for (int a = a0; a < a1; a++) {
                                for (int b = b0; b < b1; b++) {
                                    int row = base + (a * id1 + b) * id2;
                                    for (int c = c0; c < c1; c++) {
                                        sum += in[row + c];
                                    }
                                }
                            }
                            y[o] = sum / volume;
                        }
                    }
                }
            }
        }
    }

    /**
     * Max pooling along the last axis only, stride = kernel, no padding: each output is the
     * maximum of {@code kernel} consecutive elements of one input row (1-d pooling; also rank 2
     * and 3 with kernel 1 on the leading axes).
     */
    private void rows(float[] in, int offset, float[] y, int[] argmax, int lo, int hi) {
        int kk = k[2], n = od[2], id1 = id[1], id2 = id[2], s0 = s[0], s1 = s[1];
        int od0n = od[0], od1n = od[1];
        for (int p = lo; p < hi; p++) {
            int base = offset + p * inPlane;
            int o = p * outPlane;
            for (int od0 = 0; od0 < od0n; od0++) {
                for (int od1 = 0; od1 < od1n; od1++, o += n) {
                    int row = (od0 * s0 * id1 + od1 * s1) * id2;
                    if (argmax != null) {
                        rowArgmax(in, base, row, kk, n, y, argmax, o);
                    } else if (kk == 2) {
                        for (int j = 0, i = base + row; j < n; j++, i += 2) {
                            y[o + j] = Math.max(in[i], in[i + 1]);
                        }
                    } else if (kk == 4) {
                        for (int j = 0, i = base + row; j < n; j++, i += 4) {
                            y[o + j] = Math.max(Math.max(Math.max(in[i], in[i + 1]), in[i + 2]), in[i + 3]);
                        }
                    } else {
                        for (int j = 0, i = base + row; j < n; j++, i += kk) {
                            float m = in[i];
                            for (int c = 1; c < kk; c++) {
                                m = Math.max(m, in[i + c]);
                            }
                            y[o + j] = m;
                        }
                    }
                }
            }
        }
    }

    /**
     * One row of {@link #rows} in training: the value and the plane index of each window's first
     * maximum. See {@link #firstMaximum(float[], int, int)} for how this avoids unpredictable branches.
     */
    private static void rowArgmax(float[] in, int base, int row, int kk, int n, float[] y, int[] argmax, int o) {
        for (int j = 0, r = row; j < n; j++, r += kk) {
            int i = base + r;
            int at;
            if (kk == 4) {
                float x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
                float m = Math.max(Math.max(Math.max(x0, x1), x2), x3);
                if (m != m) {
                    at = firstMaximum(x0, x1, x2, x3);
                } else {
                    at = x2 == m ? 2 : 3;
                    at = x1 == m ? 1 : at;
                    at = x0 == m ? 0 : at;
                }
            } else {
                float m = in[i];
                for (int c = 1; c < kk; c++) {
                    m = Math.max(m, in[i + c]);
                }
                at = kk - 1;
                for (int c = kk - 2; c >= 0; c--) {
                    at = in[i + c] == m ? c : at;
                }
                if (m != m) {
                    at = firstMaximum(in, i, kk);
                }
            }
            y[o + j] = in[i + at];
            argmax[o + j] = r + at;
        }
    }

    /**
     * The position (0 to {@code count - 1}) a training scan of {@code in[i + c]} keeps:
     * replace when {@code v > best || v != v}, so the first maximum, or the last NaN. The fast loops
     * call this only for windows holding a NaN: otherwise the first element equal ({@code ==}, so
     * -0 equals 0) to the window's {@code Math.max} is the same element, and comparing with a known
     * maximum compiles to conditional moves instead of branches that data like ReLU outputs (many
     * ties at 0) mispredict.
     */
    static int firstMaximum(float[] in, int i, int count) {
        float best = in[i];
        int at = 0;
        for (int c = 1; c < count; c++) {
            float v = in[i + c];
            if (v > best || v != v) {
                best = v;
                at = c;
            }
        }
        return at;
    }

    /** {@link #firstMaximum(float[], int, int)} of four values in scan order. */
    private static int firstMaximum(float x0, float x1, float x2, float x3) {
        float best = x0;
        int at = 0;
        if (x1 > best || x1 != x1) {
            best = x1;
            at = 1;
        }
        if (x2 > best || x2 != x2) {
            best = x2;
            at = 2;
        }
        if (x3 > best || x3 != x3) {
            at = 3;
        }
        return at;
    }

    /** Max pooling 2x2 with stride 2 over the last two axes, no padding (kernel 1 on the first). */
    private void twoByTwo(float[] in, int offset, float[] y, int[] argmax, int lo, int hi) {
        int n = od[2], id1 = id[1], id2 = id[2], s0 = s[0];
        int od0n = od[0], od1n = od[1];
        for (int p = lo; p < hi; p++) {
            int base = offset + p * inPlane;
            int o = p * outPlane;
            for (int od0 = 0; od0 < od0n; od0++) {
                for (int od1 = 0; od1 < od1n; od1++, o += n) {
                    int top = (od0 * s0 * id1 + 2 * od1) * id2;
                    int t = base + top;
                    int b = t + id2;
                    if (argmax == null) {
                        for (int j = 0; j < n; j++, t += 2, b += 2) {
                            y[o + j] = Math.max(Math.max(Math.max(in[t], in[t + 1]), in[b]), in[b + 1]);
                        }
                        continue;
                    }
                    for (int j = 0; j < n; j++, t += 2, b += 2) {
                        // scan order: top left, top right, bottom left, bottom right; see firstMaximum
                        float x0 = in[t], x1 = in[t + 1], x2 = in[b], x3 = in[b + 1];
                        float m = Math.max(Math.max(Math.max(x0, x1), x2), x3);
                        int at;
                        if (m != m) {
                            int c = firstMaximum(x0, x1, x2, x3);
                            at = (c >> 1) * id2 + (c & 1);
                        } else {
                            at = x2 == m ? id2 : id2 + 1;
                            at = x1 == m ? 1 : at;
                            at = x0 == m ? 0 : at;
                        }
                        y[o + j] = in[t + at];
                        argmax[o + j] = top + 2 * j + at;
                    }
                }
            }
        }
    }
}
