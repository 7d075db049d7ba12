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
        ConvTaps taps = new ConvTaps(g);
        double[] acc = new double[1];
        for (int flat = 0; flat < out.size(); flat++) {
            acc[0] = 0;
            taps.visit(flat, (xi, ki) -> acc[0] += x.getDouble(xi) * k.getDouble(ki));
            y.setDouble(flat, acc[0]);
        }
        return y;
    }
}
