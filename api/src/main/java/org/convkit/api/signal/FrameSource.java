package org.convkit.api.signal;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;

/**
 * A 1-d signal seen through a virtual extension of {@code padLeft} samples before it and any
 * number after it, read as float64 frames without materialising the extended signal. Bulk reads
 * inside the signal are plain copies; only frames crossing an edge map indices one by one.
 */
abstract class FrameSource {

    /** How samples outside the signal are defined. */
    enum Edge {
        /** Zero. */
        ZEROS,
        /** Mirrored without repeating the edge sample (numpy/torch 'reflect'). */
        REFLECT,
        /** The edge sample repeated (torch 'replicate'). */
        REPLICATE
    }

    final int n;
    final int padLeft;
    final Edge edge;

    private FrameSource(int n, int padLeft, Edge edge) {
        this.n = n;
        this.padLeft = padLeft;
        this.edge = edge;
    }

    /** A source over a 1-d float32 or float64 array (not copied). */
    static FrameSource of(NdArray x, int padLeft, Edge edge) {
        int n = x.shape().dim(0);
        if (x instanceof DoubleNd d) {
            double[] a = d.data();
            int off = d.offset();
            return new FrameSource(n, padLeft, edge) {
                @Override
                void copy(int from, double[] dst, int len) {
                    System.arraycopy(a, off + from, dst, 0, len);
                }

                @Override
                double at(int i) {
                    return a[off + i];
                }
            };
        }
        if (x instanceof FloatNd f) {
            float[] a = f.data();
            int off = f.offset();
            return new FrameSource(n, padLeft, edge) {
                @Override
                void copy(int from, double[] dst, int len) {
                    for (int j = 0; j < len; j++) {
                        dst[j] = a[off + from + j];
                    }
                }

                @Override
                double at(int i) {
                    return a[off + i];
                }
            };
        }
        throw new IllegalArgumentException("unsupported array type " + x.getClass().getName());
    }

    /** Copies signal samples {@code [from, from + len)}, all inside the signal, to {@code dst[0 ..)}. */
    abstract void copy(int from, double[] dst, int len);

    /** Signal sample {@code i}, inside the signal. */
    abstract double at(int i);

    /** Extended samples {@code [start, start + len)} (extended coordinates) into {@code dst[0 .. len)}. */
    final void read(int start, double[] dst, int len) {
        int from = start - padLeft;
        if (from >= 0 && from + len <= n) {
            copy(from, dst, len);
            return;
        }
        for (int j = 0; j < len; j++) {
            dst[j] = sample(from + j);
        }
    }

    private double sample(int i) {
        if (i >= 0 && i < n) {
            return at(i);
        }
        return switch (edge) {
            case ZEROS -> 0.0;
            case REPLICATE -> at(i < 0 ? 0 : n - 1);
            case REFLECT -> at(reflect(i));
        };
    }

    /** Reflection about the edge samples, repeated as needed ('reflect' needs n >= 2 beyond one period). */
    private int reflect(int i) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int r = Math.floorMod(i, period);
        return r < n ? r : period - r;
    }
}
