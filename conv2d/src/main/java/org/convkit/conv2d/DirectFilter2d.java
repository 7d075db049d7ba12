package org.convkit.conv2d;

import org.convkit.api.ndimage.Boundary;
import org.convkit.api.parallel.Parallel;

/**
 * Direct 2-d correlation in float32 for any kernel:
 * {@code y[i, t] = sum_{p, q} w[p, q] P(i + p - top, t + q - left)}, where {@code P} is the input
 * extended by {@code mode} ({@code cval} for a constant boundary). Each thread keeps a ring of the
 * {@code kh} padded input rows its output rows need, so every input row is padded once per band;
 * each output row is then one {@link LineKernels#rows} call.
 */
final class DirectFilter2d {
    private DirectFilter2d() {
    }

    /** The geometry of one problem: input {@code h x wIn}, kernel {@code kh x kw}, output {@code outH x outW}. */
    record Geometry(int h, int wIn, int kh, int kw, int top, int left, int outH, int outW) {
        Geometry {
            if (h < 1 || wIn < 1 || kh < 1 || kw < 1 || outH < 0 || outW < 0) {
                throw new IllegalArgumentException("bad 2-d geometry: input " + h + "x" + wIn + ", kernel " + kh + "x" + kw
                        + ", output " + outH + "x" + outW);
            }
        }
    }

    /** Writes the output into {@code y} from {@code yOff}, row-major {@code outH x outW}. */
    static void run(LineKernels lk, float[] x, int xOff, float[] w, Geometry g, Boundary mode, float cval,
                    float[] y, int yOff, int threads) {
        int width = g.outW() + g.kw() - 1;
        Parallel.forRange(g.outH(), threads, (lo, hi) -> {
            int kh = g.kh();
            float[][] ring = new float[kh][width];
            float[][] rows = new float[kh][];
            for (int u = lo; u < lo + kh - 1; u++) {
                pad(ring[u % kh], width, x, xOff, g, u, mode, cval);
            }
            for (int i = lo; i < hi; i++) {
                int u = i + kh - 1;
                pad(ring[u % kh], width, x, xOff, g, u, mode, cval);
                for (int p = 0; p < kh; p++) {
                    rows[p] = ring[(i + p) % kh];
                }
                lk.rows(y, yOff + i * g.outW(), rows, w, kh, g.kw(), g.outW());
            }
        });
    }

    /** Padded row {@code u} (input row {@code u - top}, extended). */
    private static void pad(float[] dst, int width, float[] x, int xOff, Geometry g, int u, Boundary mode, float cval) {
        int r = mode.source(u - g.top(), g.h());
        if (r < 0) {
            java.util.Arrays.fill(dst, 0, width, cval);
        } else {
            PaddedRow.fill(dst, width, g.left(), x, xOff + r * g.wIn(), g.wIn(), mode, cval);
        }
    }
}
