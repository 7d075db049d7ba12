package org.convkit.conv2d;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;

/**
 * scipy.signal-style 2-d direct convolution and correlation (zero padding, any mode and alignment,
 * stride and dilation 1) in float32: the padded-row kernel of {@link DirectFilter2d} with a zero
 * boundary. float64 problems are left to other engines rather than computed in float32.
 */
public final class Conv2dDirect implements ConvEngine {
    private final LineKernels lines;

    public Conv2dDirect() {
        this(LineKernels.best());
    }

    Conv2dDirect(LineKernels lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return lines instanceof VectorLineKernels ? "conv2d-direct" : "conv2d-direct-plain";
    }

    @Override
    public ConvMethod method() {
        return ConvMethod.DIRECT;
    }

    @Override
    public boolean supports(ConvGeometry g, DType dtype) {
        return g.rank() == 2 && g.isPlain() && dtype == DType.FLOAT32;
    }

    /** About 0.06 ns per multiply-add (vectorised, one core) plus a fixed start-up cost. */
    @Override
    public double cost(ConvGeometry g, DType dtype) {
        return 0.06 * g.directMacs() + 2e4;
    }

    @Override
    public NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx) {
        FloatNd f = (FloatNd) x;
        Shape ks = g.kernel();
        float[] w = k.toFloat().toArray();
        if (g.flip()) {
            for (int i = 0, j = w.length - 1; i < j; i++, j--) {
                float t = w[i];
                w[i] = w[j];
                w[j] = t;
            }
        }
        Shape out = g.output();
        float[] y = new float[out.size()];
        if (out.size() > 0) {
            DirectFilter2d.Geometry dg = new DirectFilter2d.Geometry(g.input().dim(0), g.input().dim(1), ks.dim(0), ks.dim(1),
                    g.padLeft(0), g.padLeft(1), out.dim(0), out.dim(1));
            DirectFilter2d.run(lines, f.data(), f.offset(), w, dg, Boundary.CONSTANT, 0f, y, 0, ctx.threads());
        }
        return FloatNd.of(out, y);
    }
}
