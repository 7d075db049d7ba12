package org.convkit.api.nn;

import java.util.Arrays;

/**
 * The direct N-d oracle for the convolution layers: nested loops in double over every (item,
 * output channel, position, input channel, tap), written from the PyTorch definitions and sharing
 * no code with the layers. {@link #conv} and {@link #convTranspose} return the output and, for an
 * upstream gradient {@code gy}, the gradients of {@code sum(y * gy)}.
 */
final class ConvReference {

    /** Output (with its shape) and the gradients with respect to input, weight and bias. */
    record Result(int[] yShape, double[] y, double[] gx, double[] gw, double[] gb) {
    }

    private ConvReference() {
    }

    /** PyTorch's/TF's padding before each axis and the output sizes of a convolution. */
    static int[][] convOutput(int[] in, int[] k, int[] s, int[] d, Padding padding) {
        int r = in.length;
        int[] before = new int[r];
        int[] out = new int[r];
        for (int a = 0; a < r; a++) {
            int span = d[a] * (k[a] - 1) + 1;
            int total;
            if (padding.kind() == Padding.Kind.SAME && s[a] == 1) {
                total = span - 1;
            } else if (padding.kind() == Padding.Kind.SAME) {
                int o = (in[a] + s[a] - 1) / s[a];
                total = Math.max(0, (o - 1) * s[a] + span - in[a]);
            } else {
                total = 2 * padding.amount(a, r);
            }
            before[a] = padding.kind() == Padding.Kind.EXPLICIT ? padding.amount(a, r) : total / 2;
            out[a] = Math.floorDiv(in[a] + total - span, s[a]) + 1;
        }
        return new int[][] {before, out};
    }

    /**
     * {@code map[p K + t]}: the flat index into the {@code big} grid that small-grid position
     * {@code p} meets with tap {@code t} ({@code p s + t d - before} per axis), or -1 outside.
     */
    static int[] taps(int[] big, int[] small, int[] k, int[] s, int[] d, int[] before) {
        int r = big.length;
        int ns = prod(small);
        int nk = prod(k);
        int[] map = new int[ns * nk];
        for (int p = 0; p < ns; p++) {
            int[] pi = unravel(p, small);
            for (int t = 0; t < nk; t++) {
                int[] ti = unravel(t, k);
                int flat = 0;
                for (int a = 0; a < r && flat >= 0; a++) {
                    int i = pi[a] * s[a] + ti[a] * d[a] - before[a];
                    flat = i < 0 || i >= big[a] ? -1 : flat * big[a] + i;
                }
                map[p * nk + t] = flat;
            }
        }
        return map;
    }

    /** {@code torch.nn.functional.convNd(x, w, b, stride, padding, dilation, groups)} and its gradients. */
    static Result conv(int[] xShape, float[] x, int[] wShape, float[] w, float[] b, int[] s, Padding padding,
            int[] d, int groups, float[] gy) {
        int r = xShape.length - 2;
        int n = xShape[0];
        int cin = xShape[1];
        int cout = wShape[0];
        int cg = wShape[1];
        int og = cout / groups;
        int[] in = Arrays.copyOfRange(xShape, 2, r + 2);
        int[] k = Arrays.copyOfRange(wShape, 2, r + 2);
        int[][] geo = convOutput(in, k, s, d, padding);
        int[] out = geo[1];
        int[] map = taps(in, out, k, s, d, geo[0]);
        int ni = prod(in);
        int no = prod(out);
        int nk = prod(k);
        double[] y = new double[n * cout * no];
        double[] gx = new double[x.length];
        double[] gw = new double[w.length];
        double[] gb = new double[cout];
        for (int b0 = 0; b0 < n; b0++) {
            for (int o = 0; o < cout; o++) {
                int g = o / og;
                for (int p = 0; p < no; p++) {
                    int yi = (b0 * cout + o) * no + p;
                    double acc = b == null ? 0 : b[o];
                    double up = gy == null ? 0 : gy[yi];
                    gb[o] += up;
                    for (int c = 0; c < cg; c++) {
                        int xBase = (b0 * cin + g * cg + c) * ni;
                        for (int t = 0; t < nk; t++) {
                            int i = map[p * nk + t];
                            if (i >= 0) {
                                int wi = (o * cg + c) * nk + t;
                                acc += (double) w[wi] * x[xBase + i];
                                gx[xBase + i] += (double) w[wi] * up;
                                gw[wi] += (double) x[xBase + i] * up;
                            }
                        }
                    }
                    y[yi] = acc;
                }
            }
        }
        int[] yShape = new int[r + 2];
        yShape[0] = n;
        yShape[1] = cout;
        System.arraycopy(out, 0, yShape, 2, r);
        return new Result(yShape, y, gx, gw, gb);
    }

    /** {@code torch.nn.functional.conv_transposeNd(x, w, b, stride, padding, output_padding, groups, dilation)}. */
    static Result convTranspose(int[] xShape, float[] x, int[] wShape, float[] w, float[] b, int[] s, int[] p,
            int[] op, int[] d, int groups, float[] gy) {
        int r = xShape.length - 2;
        int n = xShape[0];
        int cin = xShape[1];
        int og = wShape[1];
        int cout = og * groups;
        int cg = cin / groups;
        int[] in = Arrays.copyOfRange(xShape, 2, r + 2);
        int[] k = Arrays.copyOfRange(wShape, 2, r + 2);
        int[] out = new int[r];
        for (int a = 0; a < r; a++) {
            out[a] = (in[a] - 1) * s[a] - 2 * p[a] + d[a] * (k[a] - 1) + op[a] + 1;
        }
        int[] map = taps(out, in, k, s, d, p);
        int ni = prod(in);
        int no = prod(out);
        int nk = prod(k);
        double[] y = new double[n * cout * no];
        double[] gx = new double[x.length];
        double[] gw = new double[w.length];
        double[] gb = new double[cout];
        for (int b0 = 0; b0 < n; b0++) {
            for (int c = 0; c < cin; c++) {
                int g = c / cg;
                for (int j = 0; j < ni; j++) {
                    int xi = (b0 * cin + c) * ni + j;
                    for (int o = 0; o < og; o++) {
                        int yBase = (b0 * cout + g * og + o) * no;
                        for (int t = 0; t < nk; t++) {
                            int i = map[j * nk + t];
                            if (i >= 0) {
                                int wi = (c * og + o) * nk + t;
                                double up = gy == null ? 0 : gy[yBase + i];
                                y[yBase + i] += (double) w[wi] * x[xi];
                                gx[xi] += (double) w[wi] * up;
                                gw[wi] += (double) x[xi] * up;
                            }
                        }
                    }
                }
            }
        }
        for (int b0 = 0; b0 < n; b0++) {
            for (int o = 0; o < cout; o++) {
                for (int i = 0; i < no; i++) {
                    int yi = (b0 * cout + o) * no + i;
                    y[yi] += b == null ? 0 : b[o];
                    gb[o] += gy == null ? 0 : gy[yi];
                }
            }
        }
        int[] yShape = new int[r + 2];
        yShape[0] = n;
        yShape[1] = cout;
        System.arraycopy(out, 0, yShape, 2, r);
        return new Result(yShape, y, gx, gw, gb);
    }

    static int prod(int[] v) {
        int p = 1;
        for (int x : v) {
            p *= x;
        }
        return p;
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
        return idx;
    }
}
