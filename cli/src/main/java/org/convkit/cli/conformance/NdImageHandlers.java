package org.convkit.cli.conformance;

import java.util.Map;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.NdImage;
import org.convkit.api.nd.DoubleNd;

/**
 * Handlers for the scipy.ndimage filters: {@code ndimage_sobel}, {@code ndimage_laplace},
 * {@code ndimage_gaussian} (truncate 4.0), {@code ndimage_uniform}, {@code ndimage_convolve}
 * (origin 0). {@code params.mode} is the boundary rule, {@code params.cval} (default 0) the constant.
 */
final class NdImageHandlers {

    private static final double TRUNCATE = 4.0;

    private NdImageHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "ndimage_sobel", c -> y(NdImage.sobel(x(c), c.param().integer("axis"), mode(c), cval(c))));
        OpHandlers.put(m, "ndimage_laplace", c -> y(NdImage.laplace(x(c), mode(c), cval(c))));
        OpHandlers.put(m, "ndimage_gaussian", c -> y(NdImage.gaussian(x(c),
                c.param().perAxis("sigma", x(c).shape().rank()), mode(c), cval(c), TRUNCATE)));
        OpHandlers.put(m, "ndimage_uniform", c -> y(NdImage.uniform(x(c),
                c.param().perAxisInt("size", x(c).shape().rank()), mode(c), cval(c))));
        OpHandlers.put(m, "ndimage_convolve", c -> y(NdImage.convolve(x(c), c.input("k").toDoubleNd(), mode(c), cval(c))));
    }

    private static DoubleNd x(GoldenCase c) {
        return c.input("x").toDoubleNd();
    }

    private static Boundary mode(GoldenCase c) {
        return Boundary.parse(c.param().string("mode"));
    }

    private static double cval(GoldenCase c) {
        return c.param().number("cval", 0.0);
    }

    private static Map<String, GoldenArray> y(org.convkit.api.nd.NdArray a) {
        return Map.of("y", GoldenArray.of(a));
    }
}
