package org.convkit.api.conv;

import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * The N-d reference: the defining sum of {@link ConvGeometry} evaluated literally, accumulated in
 * float64 whatever the input precision. Slow by design; it is the oracle the fast engines are
 * tested against, and matches scipy.signal.convolve / correlate (method='direct').
 */
public final class ReferenceConvolution implements ConvEngine {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.REFERENCE;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        return true;
    }

    /** Priced far above any real engine so that automatic choice takes it only as a last resort. */
    @Override
    public double cost(ConvGeometry g, DType dtype) {
        return 50.0 * g.directMacs() * g.rank() + 1e6;
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        Shape out = g.output();
        NdArray y = NdArray.zeros(x.dtype(), out);
        int rank = g.rank();
        int[] o = new int[rank];
        int[] base = new int[rank];
        for (int flat = 0; flat < out.size(); flat++) {
            int rem = flat;
            for (int a = rank - 1; a >= 0; a--) {
                o[a] = rem % out.dim(a);
                rem /= out.dim(a);
                base[a] = o[a] * g.stride(a) - g.padLeft(a);
            }
            y.setDouble(flat, sum(x, k, g, base, 0, 0, 0));
        }
        return y;
    }

    /** Sum over kernel axes {@code axis..rank-1}, given the offsets already reached on earlier axes. */
    private static double sum(NdArray x, NdArray k, ConvGeometry g, int[] base, int axis, int xOff, int kOff) {
        Shape xs = g.input();
        Shape ks = g.kernel();
        int kn = ks.dim(axis);
        double acc = 0;
        for (int j = 0; j < kn; j++) {
            int xi = base[axis] + j * g.dilation(axis);
            if (xi < 0 || xi >= xs.dim(axis)) {
                continue;
            }
            int kj = g.flip() ? kn - 1 - j : j;
            int xo = xOff + xi * xs.stride(axis);
            int ko = kOff + kj * ks.stride(axis);
            if (axis == g.rank() - 1) {
                acc += x.getDouble(xo) * k.getDouble(ko);
            } else {
                acc += sum(x, k, g, base, axis + 1, xo, ko);
            }
        }
        return acc;
    }
}
