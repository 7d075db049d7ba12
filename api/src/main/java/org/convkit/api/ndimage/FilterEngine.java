package org.convkit.api.ndimage;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * Service-provider interface of a fast filter kernel for {@link NdImage}, discovered with
 * {@link java.util.ServiceLoader} ({@code provides org.convkit.api.ndimage.FilterEngine with ...} in
 * {@code module-info} and in {@code META-INF/services}). When no engine supports a problem,
 * {@link ReferenceFilter} computes it. Every engine must agree with the reference (the abstract
 * contract test {@code FilterEngineContract} checks it), and its results must not depend on
 * {@code ctx.threads()}.
 *
 * <p>The filters are correlations, output the shape and dtype of {@code x}, with a per-axis
 * centre: {@code y[i] = sum_j w[j] x[i + j - centre]}, {@code x} extended by {@code mode} (with
 * {@code cval} for {@link Boundary#CONSTANT}). Arguments are already validated; nothing is modified.
 */
public interface FilterEngine {

    /** A unique, stable name, e.g. {@code conv2d-filter}. */
    String name();

    /** True when {@link #correlateSeparable} handles inputs of this dtype and rank. */
    boolean supportsSeparable(DType dtype, int rank);

    /**
     * Correlates {@code x} along every axis {@code a} with the 1-d kernel {@code w[a]}, axis 0
     * first, each pass extending its own input by {@code mode} (scipy's sequence of
     * {@code correlate1d} calls). {@code w[a] == null} leaves axis {@code a} alone.
     */
    NdArray correlateSeparable(NdArray x, double[][] w, int[] centre, Boundary mode, double cval, ConvContext ctx);

    /** True when {@link #correlate} handles an input of this dtype and shape with a kernel of shape {@code w}. */
    boolean supportsDirect(DType dtype, Shape x, Shape w);

    /** The N-d correlation of {@code x} with {@code w} (same rank), centred at {@code centre}. */
    NdArray correlate(NdArray x, NdArray w, int[] centre, Boundary mode, double cval, ConvContext ctx);
}
