package org.convkit.conv2d;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.FilterEngine;

/**
 * The fast float32 {@link FilterEngine}: separable per-axis passes for any rank
 * ({@link SeparableFilter}) and direct correlation of 2-d images with any 2-d kernel
 * ({@link DirectFilter2d}). Arithmetic is float32 with float32 weights, so results differ from the
 * float64 reference by float32 rounding. Parallel over output lines; results do not depend on the
 * thread count.
 */
public final class Conv2dFilterEngine implements FilterEngine {
    private final LineKernels lines;

    /** The engine with the fastest inner loops available at run time. */
    public Conv2dFilterEngine() {
        this(LineKernels.best());
    }

    Conv2dFilterEngine(LineKernels lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return lines instanceof VectorLineKernels ? "conv2d-filter" : "conv2d-filter-plain";
    }

    @Override
    public boolean supportsSeparable(DType dtype, int rank) {
        return dtype == DType.FLOAT32 && rank >= 1;
    }

    @Override
    public NdArray correlateSeparable(NdArray x, double[][] w, int[] centre, Boundary mode, double cval, ConvContext ctx) {
        FloatNd f = (FloatNd) x;
        Shape s = x.shape();
        if (s.size() == 0) {
            return FloatNd.zeros(s);
        }
        float[] y = SeparableFilter.run(lines, f.data(), f.offset(), s.dims(), w, centre, mode, (float) cval, ctx.threads());
        return FloatNd.of(s, y);
    }

    @Override
    public boolean supportsDirect(DType dtype, Shape x, Shape w) {
        return dtype == DType.FLOAT32 && x.rank() == 2 && w.rank() == 2;
    }

    @Override
    public NdArray correlate(NdArray x, NdArray w, int[] centre, Boundary mode, double cval, ConvContext ctx) {
        FloatNd f = (FloatNd) x;
        Shape s = x.shape();
        if (s.size() == 0) {
            return FloatNd.zeros(s);
        }
        int h = s.dim(0);
        int wid = s.dim(1);
        DirectFilter2d.Geometry g = new DirectFilter2d.Geometry(h, wid, w.shape().dim(0), w.shape().dim(1),
                centre[0], centre[1], h, wid);
        float[] y = new float[s.size()];
        DirectFilter2d.run(lines, f.data(), f.offset(), w.toFloat().toArray(), g, mode, (float) cval, y, 0, ctx.threads());
        return FloatNd.of(s, y);
    }
}
