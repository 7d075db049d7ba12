package org.convkit.conv1d;

import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/** Conversions at the edge of the engines, which all compute in float64 on plain arrays. */
final class Signal1d {
    private Signal1d() {
    }

    /** The elements of a rank-1 array as doubles; the backing array itself when no copy is needed. */
    static double[] samples(NdArray a) {
        DoubleNd d = a.toDouble();
        if (d.offset() == 0 && d.data().length == d.shape().size()) {
            return d.data();
        }
        return d.toArray();
    }

    /** The kernel as applied in the correlation form of {@code g}: reversed for a convolution. */
    static double[] appliedKernel(NdArray k, ConvGeometry g) {
        DoubleNd d = k.toDouble();
        int n = d.shape().size();
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = d.getDouble(g.flip() ? n - 1 - j : j);
        }
        return w;
    }

    /** {@code y} as an array of the given precision and shape. */
    static NdArray result(double[] y, Shape shape, DType dtype) {
        DoubleNd d = DoubleNd.of(shape, y);
        return dtype == DType.FLOAT64 ? d : d.toFloat();
    }

    /** True for the problems every engine here handles: rank 1 in either precision. */
    static boolean isRank1(ConvGeometry g) {
        return g.rank() == 1;
    }
}
