package org.convkit.conv3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.conv.ReferenceConvolution;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** The engines are found through {@code META-INF/services} and reached through {@link Convolution}. */
class Conv3dFacadeTest {

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
        for (int i = 0; i < want.shape().size(); i++) {
            assertEquals(want.getDouble(i), got.getDouble(i), tol, "element " + i);
        }
    }

    @Test
    void fftMethodOnAFloatVolumeMatchesTheReference() {
        FloatNd x = random(Shape.of(12, 17, 20), 11);
        FloatNd k = random(Shape.of(5, 4, 3), 12);
        ConvSpec spec = ConvSpec.convolve(ConvMode.SAME);
        NdArray got = Convolution.apply(x, k, spec, ConvContext.of(ConvMethod.FFT));
        NdArray want = Convolution.apply(x, k, spec, ConvContext.of(ConvMethod.REFERENCE));
        assertEquals(DType.FLOAT32, got.dtype());
        assertClose(want, got, 1e-5);
    }

    @Test
    void fftMethodUsesTheConv3dFftEngine() {
        ConvGeometry g = ConvGeometry.of(Shape.of(8, 8, 8), Shape.of(3, 3, 3), ConvSpec.convolve(ConvMode.SAME));
        assertEquals("conv3d-fft", Convolution.choose(g, DType.FLOAT32, ConvMethod.FFT).name());
    }

    @Test
    void automaticChoiceTakesDirectForASmallKernelOnALargeFloatVolume() {
        ConvGeometry g = ConvGeometry.of(Shape.of(256, 256, 256), Shape.of(5, 5, 5), ConvSpec.convolve(ConvMode.SAME));
        assertEquals("conv3d-direct", Convolution.choose(g, DType.FLOAT32, ConvMethod.AUTO).name());
    }

    @Test
    void automaticChoiceTakesFftForALargeKernel() {
        ConvGeometry g = ConvGeometry.of(Shape.of(64, 64, 64), Shape.of(31, 31, 31), ConvSpec.convolve(ConvMode.SAME));
        assertEquals("conv3d-fft", Convolution.choose(g, DType.FLOAT32, ConvMethod.AUTO).name());
    }

    @Test
    void float64VolumesAreNotGivenToTheFloat32DirectKernel() {
        ConvGeometry g = ConvGeometry.of(Shape.of(16, 16, 16), Shape.of(3, 3, 3), ConvSpec.convolve(ConvMode.SAME));
        assertFalse(new Conv3dDirect().supports(g, DType.FLOAT64));
        assertEquals("conv3d-fft", Convolution.choose(g, DType.FLOAT64, ConvMethod.AUTO).name());
    }

    @Test
    void automaticMethodOnAFloatVolumeMatchesTheReference() {
        FloatNd x = random(Shape.of(6, 9, 70), 13);
        FloatNd k = random(Shape.of(3, 3, 3), 14);
        ConvSpec spec = ConvSpec.correlate(ConvMode.VALID);
        NdArray want = new ReferenceConvolution().compute(x, k,
                ConvGeometry.of(x.shape(), k.shape(), spec), ConvContext.defaults());
        assertClose(want, Convolution.apply(x, k, spec, ConvContext.defaults().withThreads(2)), 1e-5);
    }
}
