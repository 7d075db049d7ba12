package org.convkit.api.conv;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * Entry point for N-d convolution and correlation with scipy.signal semantics. Chooses an engine
 * among those found by {@link ServiceLoader} (plus the {@link ReferenceConvolution}) from the
 * method in the {@link ConvContext}: the cheapest by cost model for {@link ConvMethod#AUTO}
 * (as scipy.signal.choose_conv_method), else the cheapest engine of that method.
 */
public final class Convolution {

    private Convolution() {
    }

    /** scipy.signal.convolve(x, k, mode) with the automatic method. */
    public static NdArray convolve(NdArray x, NdArray k, ConvMode mode) {
        return apply(x, k, ConvSpec.convolve(mode), ConvContext.defaults());
    }

    /** scipy.signal.correlate(x, k, mode) with the automatic method. */
    public static NdArray correlate(NdArray x, NdArray k, ConvMode mode) {
        return apply(x, k, ConvSpec.correlate(mode), ConvContext.defaults());
    }

    /**
     * Convolution or correlation of {@code x} with {@code k} as {@code spec} says. The result has
     * {@code x}'s dtype ({@code k} is converted to it). In 'valid' mode with plain stride and
     * dilation, inputs are swapped when the kernel is the larger one, as scipy does.
     */
    public static NdArray apply(NdArray x, NdArray k, ConvSpec spec, ConvContext ctx) {
        NdArray kk = NdArray.as(x.dtype(), k);
        if (spec.mode() == ConvMode.VALID && spec.isPlain() && x.shape().rank() == k.shape().rank()
                && ConvGeometry.validNeedsSwap(x.shape(), k.shape())) {
            NdArray swapped = run(kk, x, spec, ctx);
            return spec.correlate() ? reverse(swapped) : swapped;
        }
        return run(x, kk, spec, ctx);
    }

    /**
     * numpy.convolve(x, k, mode) for 1-d arrays: the longer one is the signal, so 'same' has length
     * {@code max(len x, len k)}.
     */
    public static DoubleNd numpyConvolve(DoubleNd x, DoubleNd k, ConvMode mode) {
        if (x.shape().rank() != 1 || k.shape().rank() != 1) {
            throw new IllegalArgumentException("numpy.convolve takes 1-d arrays, got " + x.shape() + " and " + k.shape());
        }
        boolean swap = k.shape().dim(0) > x.shape().dim(0);
        return (DoubleNd) run(swap ? k : x, swap ? x : k, ConvSpec.convolve(mode), ConvContext.defaults());
    }

    /** The engine that {@code ctx} selects for the problem. */
    public static ConvEngine choose(ConvGeometry g, DType dtype, ConvMethod method) {
        return Engines.ALL.stream()
                .filter(e -> method == ConvMethod.AUTO || e.method() == method)
                .filter(e -> e.supports(g, dtype))
                .min(Comparator.comparingDouble(e -> e.cost(g, dtype)))
                .orElseThrow(() -> new IllegalArgumentException("no " + method.name().toLowerCase(java.util.Locale.ROOT)
                        + " engine supports " + g + " in " + dtype));
    }

    /** Every engine found, the reference first. */
    public static List<ConvEngine> engines() {
        return Engines.ALL;
    }

    private static NdArray run(NdArray x, NdArray k, ConvSpec spec, ConvContext ctx) {
        ConvGeometry g = ConvGeometry.of(x.shape(), k.shape(), spec);
        return choose(g, x.dtype(), ctx.method()).compute(x, k, g, ctx);
    }

    /** A copy reversed along every axis. */
    static NdArray reverse(NdArray a) {
        Shape s = a.shape();
        NdArray r = NdArray.zeros(a.dtype(), s);
        int[] idx = new int[s.rank()];
        for (int flat = 0; flat < s.size(); flat++) {
            int rem = flat;
            int to = 0;
            for (int ax = s.rank() - 1; ax >= 0; ax--) {
                idx[ax] = rem % s.dim(ax);
                rem /= s.dim(ax);
                to += (s.dim(ax) - 1 - idx[ax]) * s.stride(ax);
            }
            r.setDouble(to, a.getDouble(flat));
        }
        return r;
    }

    /** The engines, loaded once; the list is immutable. */
    private static final class Engines {
        static final List<ConvEngine> ALL = Stream.concat(Stream.of(new ReferenceConvolution()),
                ServiceLoader.load(ConvEngine.class, Convolution.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(e -> !(e instanceof ReferenceConvolution)))
                .toList();
    }
}
