package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.DoubleNd;
import org.junit.jupiter.api.Test;

class ScipyIstftTest {

    private static void assertRoundTrip(double[] x, ScipyStftSpec spec) {
        StftResult r = Stft.scipy(DoubleNd.vector(x), spec);
        DoubleNd y = Stft.scipyInverse(r.z(), spec);
        assertTrue(y.shape().dim(0) >= x.length, "inverse has " + y.shape().dim(0) + " samples for " + x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y.getDouble(i), 1e-12, spec + " sample " + i);
        }
    }

    @Test
    void defaultHannRoundTripRecoversTheSignal() {
        assertRoundTrip(TorchStftTest.random(11, 1000), ScipyStftSpec.of().withNperseg(64));
    }

    @Test
    void hammingWithThreeQuarterOverlapRoundTrips() {
        assertRoundTrip(TorchStftTest.random(12, 777),
                ScipyStftSpec.of().withWindow("hamming").withNperseg(64).withNoverlap(48).withFs(250));
    }

    @Test
    void oddSegmentWithLongerFftAndPsdScalingRoundTrips() {
        assertRoundTrip(TorchStftTest.random(13, 500),
                ScipyStftSpec.of().withNperseg(63).withNfft(80).withScaling(ScipyStftSpec.Scaling.PSD).withFs(3));
    }

    @Test
    void oddSegmentWithDefaultFftRoundTrips() {
        assertRoundTrip(TorchStftTest.random(14, 400), ScipyStftSpec.of().withNperseg(33));
    }

    @Test
    void twoSidedSpectrumRoundTrips() {
        assertRoundTrip(TorchStftTest.random(15, 300), ScipyStftSpec.of().withNperseg(32).withOnesided(false));
    }

    @Test
    void withoutBoundaryTheInverseStartsAtTheFirstSegment() {
        double[] x = TorchStftTest.random(16, 320);
        ScipyStftSpec spec = ScipyStftSpec.of().withNperseg(32).withBoundary(ScipyStftSpec.Boundary.NONE)
                .withWindow("boxcar").withNoverlap(0);
        DoubleNd y = Stft.scipyInverse(Stft.scipy(DoubleNd.vector(x), spec).z(), spec);
        assertEquals(320, y.shape().dim(0));
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y.getDouble(i), 1e-12);
        }
    }
}
