package org.convkit.cli.conformance;

import java.util.Map;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;

/** Handlers for {@code convolve}, {@code correlate} (scipy.signal) and {@code np_convolve} (numpy). */
final class ConvolutionHandlers {

    private ConvolutionHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "convolve", c -> Map.of("y", GoldenArray.of(Convolution.apply(
                c.input("x").toDoubleNd(), c.input("k").toDoubleNd(), ConvSpec.convolve(mode(c)), ConvContext.defaults()))));
        OpHandlers.put(m, "correlate", c -> Map.of("y", GoldenArray.of(Convolution.apply(
                c.input("x").toDoubleNd(), c.input("k").toDoubleNd(), ConvSpec.correlate(mode(c)), ConvContext.defaults()))));
        OpHandlers.put(m, "np_convolve", c -> Map.of("y", GoldenArray.of(Convolution.numpyConvolve(
                c.input("x").toDoubleNd(), c.input("k").toDoubleNd(), mode(c)))));
    }

    private static ConvMode mode(GoldenCase c) {
        return ConvMode.parse(c.param().string("mode"));
    }
}
