package org.convkit.conv2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.NdImage;
import org.junit.jupiter.api.Test;

/** The engines are found through the service registrations and give the reference's results. */
class NdImageDispatchTest {
    private static final ConvContext REF = ConvContext.of(ConvMethod.REFERENCE);
    private static final ConvContext TWO = ConvContext.defaults().withThreads(2);

    private static FloatNd random(Shape s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextDouble(-1, 1);
        }
        return FloatNd.of(s, d);
    }

    private static void assertClose(NdArray want, NdArray got, double tol) {
        assertEquals(want.shape(), got.shape());
        assertEquals(DType.FLOAT32, got.dtype());
        for (int i = 0; i < want.shape().size(); i++) {
            assertEquals(want.getDouble(i), got.getDouble(i), tol, "element " + i);
        }
    }

    @Test
    void theFilterEngineIsFoundBeforeTheReference() {
        assertTrue(NdImage.engines().get(0) instanceof Conv2dFilterEngine, NdImage.engines().toString());
    }

    @Test
    void gaussianOfAVolumeMatchesTheReference() {
        FloatNd x = random(Shape.of(9, 21, 18), 1);
        double[] sigma = {2.0};
        assertClose(NdImage.gaussian(x, sigma, Boundary.REFLECT, 0, 4.0, REF), NdImage.gaussian(x, sigma, Boundary.REFLECT, 0, 4.0, TWO), 1e-5);
    }

    @Test
    void wideImagesSpanningSeveralStripsAndBandsMatchTheReference() {
        // 600 columns and 40 rows: several column strips and row bands in every pass
        FloatNd img = random(Shape.of(40, 600), 5);
        double[] sigma = {2.5, 1.7};
        assertClose(NdImage.gaussian(img, sigma, Boundary.NEAREST, 0, 2.8, REF), NdImage.gaussian(img, sigma, Boundary.NEAREST, 0, 2.8, TWO), 1e-5);
        FloatNd vol = random(Shape.of(7, 3, 300), 6);
        assertClose(NdImage.uniform(vol, new int[] {3, 1, 4}, Boundary.WRAP, 0, REF), NdImage.uniform(vol, new int[] {3, 1, 4}, Boundary.WRAP, 0, TWO), 1e-5);
    }

    @Test
    void nonSeparable2dConvolutionMatchesTheReference() {
        FloatNd x = random(Shape.of(37, 45), 2);
        FloatNd k = random(Shape.of(7, 6), 3);
        assertClose(NdImage.convolve(x, k, Boundary.MIRROR, 0, REF), NdImage.convolve(x, k, Boundary.MIRROR, 0, TWO), 1e-5);
    }

    @Test
    void wideNonSeparableCorrelationMatchesTheReference() {
        // 300 columns: the four-vector blocks, the single-vector loop and the scalar tail all run
        FloatNd x = random(Shape.of(19, 300), 7);
        FloatNd k = random(Shape.of(5, 4), 8);
        assertClose(NdImage.correlate(x, k, Boundary.REFLECT, 0, REF), NdImage.correlate(x, k, Boundary.REFLECT, 0, TWO), 1e-5);
    }

    @Test
    void wideSignalConvolutionMatchesTheReferenceEngine() {
        FloatNd x = random(Shape.of(9, 301), 9);
        FloatNd k = random(Shape.of(3, 6), 10);
        for (ConvMode mode : ConvMode.values()) {
            ConvSpec spec = ConvSpec.convolve(mode);
            assertClose(Convolution.apply(x, k, spec, REF), Convolution.apply(x, k, spec, TWO.withMethod(ConvMethod.DIRECT)), 1e-5);
        }
    }

    @Test
    void sobelIsBitIdenticalForOneAndTwoThreads() {
        FloatNd x = random(Shape.of(64, 80), 4);
        NdArray one = NdImage.sobel(x, 1, Boundary.REFLECT, 0);
        NdArray two = NdImage.sobel(x, 1, Boundary.REFLECT, 0, TWO);
        assertArrayEquals(((FloatNd) one).toArray(), ((FloatNd) two).toArray());
        assertClose(NdImage.sobel(x, 1, Boundary.REFLECT, 0, REF), one, 1e-5);
    }

    @Test
    void convolutionChoosesTheDirectEngineForFloat32Images() {
        ConvGeometry g = ConvGeometry.of(Shape.of(64, 64), Shape.of(5, 5), ConvSpec.convolve(ConvMode.SAME));
        assertTrue(Convolution.choose(g, DType.FLOAT32, ConvMethod.AUTO) instanceof Conv2dDirect);
        assertTrue(Convolution.engines().stream().anyMatch(e -> e instanceof Conv2dDirect));
    }
}
