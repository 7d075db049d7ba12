package org.convkit.api.ndimage;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * The N-d reference filter: the defining sum evaluated literally in float64 for every output
 * element, whatever the input precision; the result is rounded once to the input's dtype. Slow by
 * design: it is the oracle the fast engines are tested against, and the fallback when none applies.
 * Matches scipy.ndimage.correlate / correlate1d with origin 0 (up to scipy's float32 intermediate
 * rounding for float32 inputs).
 */
public final class ReferenceFilter implements FilterEngine {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public boolean supportsSeparable(DType dtype, int rank) {
        return true;
    }

    /** One literal 1-d correlation per axis, intermediates kept in float64. */
    @Override
    public NdArray correlateSeparable(NdArray x, double[][] w, int[] centre, Boundary mode, double cval, ConvContext ctx) {
        int rank = x.shape().rank();
        NdArray cur = x.toDouble();
        for (int a = 0; a < rank; a++) {
            if (w[a] == null) {
                continue;
            }
            int[] dims = new int[rank];
            java.util.Arrays.fill(dims, 1);
            dims[a] = w[a].length;
            int[] c = new int[rank];
            c[a] = centre[a];
            cur = sum(cur, DoubleNd.of(Shape.of(dims), w[a]), c, mode, cval);
        }
        return NdArray.as(x.dtype(), cur == x ? ((DoubleNd) cur).copy() : cur);
    }

    @Override
    public boolean supportsDirect(DType dtype, Shape x, Shape w) {
        return true;
    }

    @Override
    public NdArray correlate(NdArray x, NdArray w, int[] centre, Boundary mode, double cval, ConvContext ctx) {
        return NdArray.as(x.dtype(), sum(x, w, centre, mode, cval));
    }

    /** {@code y[i] = sum_j w[j] x[ext(i + j - centre)]} in float64. */
    private static DoubleNd sum(NdArray x, NdArray w, int[] centre, Boundary mode, double cval) {
        Shape xs = x.shape();
        Shape ws = w.shape();
        int rank = xs.rank();
        DoubleNd y = DoubleNd.zeros(xs);
        int[] i = new int[rank];
        int[] j = new int[rank];
        for (int flat = 0; flat < xs.size(); flat++) {
            unravel(flat, xs, i);
            double acc = 0;
            for (int wf = 0; wf < ws.size(); wf++) {
                unravel(wf, ws, j);
                int src = 0;
                for (int a = 0; a < rank && src >= 0; a++) {
                    int s = mode.source(i[a] + j[a] - centre[a], xs.dim(a));
                    src = s < 0 ? -1 : src + s * xs.stride(a);
                }
                acc += w.getDouble(wf) * (src < 0 ? cval : x.getDouble(src));
            }
            y.setDouble(flat, acc);
        }
        return y;
    }

    private static void unravel(int flat, Shape s, int[] idx) {
        for (int a = s.rank() - 1; a >= 0; a--) {
            idx[a] = flat % s.dim(a);
            flat /= s.dim(a);
        }
    }
}
