package org.convkit.conv3d;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One thread's tools for a real 3-d FFT of size {@code l0 x l1 x l2} done axis by axis with
 * JTransforms' 1-d transforms: reusable plans and buffers. The half spectrum is stored as
 * interleaved complex numbers, {@code [i0][i1][f2]} with {@code f2 < h = l2 / 2 + 1}; {@code l2} is
 * even. Not thread-safe: each worker makes its own.
 */
final class FftPlanes {
    /** Columns gathered together, so each cache line read serves several transforms. */
    static final int BLOCK = 8;

    final int l0;
    final int l1;
    final int l2;
    final int h;
    private final DoubleFFT_1D fft0;
    private final DoubleFFT_1D fft1;
    private final DoubleFFT_1D fft2;
    private final double[] row;
    private final double[] cols;
    private final double[] kcols;

    /** Fills {@code row} (length {@code l2}, zeroed by the caller) with row {@code i1}; false if the row is zero. */
    interface RowSource {
        boolean fill(int i1, double[] row);
    }

    FftPlanes(int l0, int l1, int l2) {
        if (l2 % 2 != 0) {
            throw new IllegalArgumentException("last FFT axis must have even length, got " + l2);
        }
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.h = l2 / 2 + 1;
        this.fft0 = l0 > 1 ? new DoubleFFT_1D(l0) : null;
        this.fft1 = l1 > 1 ? new DoubleFFT_1D(l1) : null;
        this.fft2 = new DoubleFFT_1D(l2);
        this.row = new double[l2];
        this.cols = new double[BLOCK * 2 * Math.max(l0, l1)];
        this.kcols = new double[BLOCK * 2 * l0];
    }

    /** Complex numbers in one plane of the half spectrum. */
    int planeSize() {
        return l1 * h;
    }

    /**
     * Real FFT of each row along axis 2, then complex FFT along axis 1: the plane at {@code off}
     * (in doubles) of {@code spec} becomes the 2-d half spectrum of the rows {@code src} gives.
     */
    void forwardPlane(double[] spec, int off, RowSource src) {
        for (int i1 = 0; i1 < l1; i1++) {
            java.util.Arrays.fill(row, 0);
            if (!src.fill(i1, row)) {
                continue;
            }
            fft2.realForward(row);
            int at = off + i1 * h * 2;
            spec[at] = row[0];
            spec[at + 2 * (h - 1)] = row[1];
            System.arraycopy(row, 2, spec, at + 2, l2 - 2);
        }
        if (fft1 != null) {
            for (int k = 0; k < h; k += BLOCK) {
                int nb = Math.min(BLOCK, h - k);
                gather(spec, off + 2 * k, 2 * h, l1, nb, cols);
                for (int b = 0; b < nb; b++) {
                    fft1.complexForward(cols, b * 2 * l1);
                }
                scatter(cols, spec, off + 2 * k, 2 * h, l1, l1, nb);
            }
        }
    }

    /**
     * Inverse of {@link #forwardPlane} for the rows {@code i1 < rows}: each row's {@code n} first
     * real values go to {@code out} through {@code sink}. The plane is overwritten.
     */
    void inversePlane(double[] spec, int off, int rows, int n, RowSink sink) {
        if (fft1 != null) {
            for (int k = 0; k < h; k += BLOCK) {
                int nb = Math.min(BLOCK, h - k);
                gather(spec, off + 2 * k, 2 * h, l1, nb, cols);
                for (int b = 0; b < nb; b++) {
                    fft1.complexInverse(cols, b * 2 * l1, true);
                }
                scatter(cols, spec, off + 2 * k, 2 * h, l1, rows, nb);
            }
        }
        for (int i1 = 0; i1 < rows; i1++) {
            int at = off + i1 * h * 2;
            row[0] = spec[at];
            row[1] = spec[at + 2 * (h - 1)];
            System.arraycopy(spec, at + 2, row, 2, l2 - 2);
            fft2.realInverse(row, true);
            sink.take(i1, row, n);
        }
    }

    /** Receives row {@code i1} of an inverse transform; its first {@code n} values are the result. */
    interface RowSink {
        void take(int i1, double[] row, int n);
    }

    /**
     * Along axis 0 for row {@code i1} of every plane: transform the spectrum's columns, multiply by
     * the kernel's (built from the few nonzero kernel planes at positions {@code kPos}), and
     * transform back, keeping planes {@code i0 < keep}.
     */
    void multiplyAlongAxis0(double[] spec, double[][] kPlanes, int[] kPos, int i1, int keep) {
        int planeStride = 2 * l1 * h;
        for (int k = 0; k < h; k += BLOCK) {
            int nb = Math.min(BLOCK, h - k);
            int base = 2 * (i1 * h + k);
            gather(spec, base, planeStride, l0, nb, cols);
            java.util.Arrays.fill(kcols, 0, nb * 2 * l0, 0);
            for (int p = 0; p < kPos.length; p++) {
                for (int b = 0; b < nb; b++) {
                    kcols[b * 2 * l0 + 2 * kPos[p]] += kPlanes[p][base + 2 * b];
                    kcols[b * 2 * l0 + 2 * kPos[p] + 1] += kPlanes[p][base + 2 * b + 1];
                }
            }
            for (int b = 0; b < nb; b++) {
                int o = b * 2 * l0;
                if (fft0 != null) {
                    fft0.complexForward(cols, o);
                    fft0.complexForward(kcols, o);
                }
                for (int i = o; i < o + 2 * l0; i += 2) {
                    double re = cols[i] * kcols[i] - cols[i + 1] * kcols[i + 1];
                    double im = cols[i] * kcols[i + 1] + cols[i + 1] * kcols[i];
                    cols[i] = re;
                    cols[i + 1] = im;
                }
                if (fft0 != null) {
                    fft0.complexInverse(cols, o, true);
                }
            }
            scatter(cols, spec, base, planeStride, l0, keep, nb);
        }
    }

    /** Copies {@code nb} adjacent complex columns of {@code n} elements into {@code buf}, one after another. */
    private static void gather(double[] a, int base, int stride, int n, int nb, double[] buf) {
        for (int i = 0; i < n; i++) {
            int at = base + i * stride;
            for (int b = 0; b < nb; b++) {
                buf[b * 2 * n + 2 * i] = a[at + 2 * b];
                buf[b * 2 * n + 2 * i + 1] = a[at + 2 * b + 1];
            }
        }
    }

    /** Inverse of {@link #gather} for the first {@code keep} elements of each column. */
    private static void scatter(double[] buf, double[] a, int base, int stride, int n, int keep, int nb) {
        for (int i = 0; i < keep; i++) {
            int at = base + i * stride;
            for (int b = 0; b < nb; b++) {
                a[at + 2 * b] = buf[b * 2 * n + 2 * i];
                a[at + 2 * b + 1] = buf[b * 2 * n + 2 * i + 1];
            }
        }
    }
}
