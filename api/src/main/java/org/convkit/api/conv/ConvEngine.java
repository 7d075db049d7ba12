package org.convkit.api.conv;

import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;

/**
 * Service-provider interface of a convolution engine, discovered with {@link java.util.ServiceLoader}
 * (declare it with {@code provides org.convkit.api.conv.ConvEngine with ...} in {@code module-info}
 * and in {@code META-INF/services}). {@link Convolution} asks every engine found whether it
 * {@link #supports} a problem and, for {@link ConvMethod#AUTO}, picks the lowest {@link #cost}.
 * Every engine must agree with {@link ReferenceConvolution} (the abstract contract test checks it).
 */
public interface ConvEngine {

    /** A unique, stable name, e.g. {@code conv1d-fft}. */
    String name();

    /** The algorithm this engine implements (never {@link ConvMethod#AUTO}). */
    ConvMethod method();

    /** True when this engine computes the problem for inputs of this precision. */
    boolean supports(ConvGeometry g, DType dtype);

    /**
     * Estimated run time in nanoseconds on one core of this machine class. Only the ordering between
     * engines matters, but keeping the unit makes the models comparable across modules.
     */
    double cost(ConvGeometry g, DType dtype);

    /**
     * Computes the correlation form of {@code g} (see {@link ConvGeometry}). {@code x} and {@code k}
     * have the shapes of {@code g} and the same dtype; neither is modified. Returns a new array of
     * shape {@code g.output()} and that dtype. Results must not depend on {@code ctx.threads()}.
     */
    NdArray compute(NdArray x, NdArray k, ConvGeometry g, ConvContext ctx);
}
