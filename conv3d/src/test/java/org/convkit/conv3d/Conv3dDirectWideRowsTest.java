package org.convkit.conv3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.ReferenceConvolution;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/**
 * Rows longer than the contract's shapes: the 64-wide vector chunks, the single-vector chunks and
 * the partial last vector of {@code DirectRows} all run.
 */
class Conv3dDirectWideRowsTest {

    private static FloatNd random(Shape s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextDouble(-1, 1);
        }
        return FloatNd.of(s, d);
    }

    @Test
    void wideRowsAgreeWithTheReference() {
        FloatNd x = random(Shape.of(4, 5, 109), 1);
        FloatNd k = random(Shape.of(3, 2, 5), 2);
        for (ConvMode mode : ConvMode.values()) {
            ConvGeometry g = ConvGeometry.of(x.shape(), k.shape(), ConvSpec.convolve(mode));
            NdArray want = new ReferenceConvolution().compute(x, k, g, ConvContext.defaults());
            NdArray got = new Conv3dDirect().compute(x, k, g, ConvContext.of(ConvMethod.DIRECT));
            assertEquals(want.shape(), got.shape());
            for (int i = 0; i < want.shape().size(); i++) {
                assertEquals(want.getDouble(i), got.getDouble(i), 1e-5, mode + " element " + i);
            }
        }
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        FloatNd x = random(Shape.of(9, 6, 77), 3);
        FloatNd k = random(Shape.of(3, 3, 3), 4);
        ConvGeometry g = ConvGeometry.of(x.shape(), k.shape(), ConvSpec.convolve(ConvMode.SAME));
        float[] one = ((FloatNd) new Conv3dDirect().compute(x, k, g, new ConvContext(ConvMethod.DIRECT, 1))).data();
        float[] three = ((FloatNd) new Conv3dDirect().compute(x, k, g, new ConvContext(ConvMethod.DIRECT, 3))).data();
        assertArrayEquals(one, three);
    }
}
