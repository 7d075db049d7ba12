package org.convkit.conv3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.ReferenceConvolution;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/** Inputs that are views into a batch (nonzero offset) are read from their own elements. */
class Conv3dViewInputTest {

    private static FloatNd batch(Shape s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextDouble(-1, 1);
        }
        return FloatNd.of(s, d);
    }

    private static void check(ConvEngine engine) {
        FloatNd x = batch(Shape.of(3, 5, 6, 40), 21).slice(2);
        FloatNd k = batch(Shape.of(2, 3, 2, 3), 22).slice(1);
        ConvGeometry g = ConvGeometry.of(x.shape(), k.shape(), ConvSpec.convolve(ConvMode.SAME));
        NdArray want = new ReferenceConvolution().compute(x, k, g, ConvContext.defaults());
        NdArray got = engine.compute(x, k, g, new ConvContext(engine.method(), 2));
        for (int i = 0; i < want.shape().size(); i++) {
            assertEquals(want.getDouble(i), got.getDouble(i), 1e-5, engine.name() + " element " + i);
        }
    }

    @Test
    void directReadsAViewFromItsOffset() {
        check(new Conv3dDirect());
    }

    @Test
    void fftReadsAViewFromItsOffset() {
        check(new Conv3dFft());
    }
}
