package org.convkit.api.nn;

/**
 * Max pooling 2x2x2 with stride 2 and no padding over a volume (3-d pooling in CT and video
 * networks), the fast loop of {@link PoolForward}: bit-identical to its general loop. Evaluation
 * takes the {@code Math.max} chain in the general loop's scan order (depth, then row, then column);
 * training records the first element equal to that maximum, or scans with {@code v > best || v != v}
 * when the window holds a NaN (see {@link PoolForward#firstMaximum(float[], int, int)}).
 */
final class PoolCube {

    private PoolCube() {
    }

    /** Pools planes {@code [lo, hi)}; sizes as {@link PoolForward}'s ({@code id}, {@code od}: depth, height, width). */
    static void run(float[] in, int offset, float[] y, int[] argmax, int lo, int hi, int[] id, int[] od) {
        int id1 = id[1], id2 = id[2];
        int slab = id1 * id2;
        int inPlane = id[0] * slab;
        int outPlane = od[0] * od[1] * od[2];
        int n = od[2];
        // the window's eight offsets in scan order, for the NaN fallback
        int[] offsets = {0, 1, id2, id2 + 1, slab, slab + 1, slab + id2, slab + id2 + 1};
        float[] window = new float[8];
        for (int p = lo; p < hi; p++) {
            int base = offset + p * inPlane;
            int o = p * outPlane;
            for (int d = 0; d < od[0]; d++) {
                for (int r = 0; r < od[1]; r++, o += n) {
                    int corner = (2 * d * id1 + 2 * r) * id2;
                    int a = base + corner;
                    int b = a + id2;
                    int c = a + slab;
                    int e = c + id2;
                    for (int j = 0; j < n; j++, a += 2, b += 2, c += 2, e += 2) {
                        float x0 = in[a], x1 = in[a + 1], x2 = in[b], x3 = in[b + 1];
                        float x4 = in[c], x5 = in[c + 1], x6 = in[e], x7 = in[e + 1];
                        float m = Math.max(Math.max(Math.max(Math.max(Math.max(Math.max(Math.max(x0, x1), x2), x3),
                                x4), x5), x6), x7);
                        if (argmax == null) {
                            y[o + j] = m;
                            continue;
                        }
                        int at;
                        if (m != m) {
                            for (int q = 0; q < 8; q++) {
                                window[q] = in[a + offsets[q]];
                            }
                            at = offsets[PoolForward.firstMaximum(window, 0, 8)];
                        } else {
                            at = x6 == m ? offsets[6] : offsets[7];
                            at = x5 == m ? offsets[5] : at;
                            at = x4 == m ? offsets[4] : at;
                            at = x3 == m ? offsets[3] : at;
                            at = x2 == m ? offsets[2] : at;
                            at = x1 == m ? offsets[1] : at;
                            at = x0 == m ? 0 : at;
                        }
                        y[o + j] = in[a + at];
                        argmax[o + j] = a - base + at;
                    }
                }
            }
        }
    }
}
