package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class FilterChainTest {
    private static final ConvContext ONE = ConvContext.defaults();

    private static final FilterChain EEG = FilterChain.of(
            new MovingAverageFilter(10),
            new ButterworthFilter(Butterworth.Band.BANDPASS, 4, new double[] {1, 40}, 256, true),
            new NotchFilter(50, 30, 256, false),
            new IirFilter(new double[] {0.5, 0.5}, new double[] {1, -0.2}, false),
            new FirFilter(new double[] {0.25, 0.5, 0.25}, false));

    private static DoubleNd noise(Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return DoubleNd.of(s, d);
    }

    @Test
    void jsonRoundTripGivesTheSameChainAndText() {
        String json = EEG.toJson();
        FilterChain back = FilterChain.fromJson(json);
        assertEquals(EEG, back);
        assertEquals(json, back.toJson());
    }

    @Test
    void jsonHasNoJavaTypeIds() {
        assertEquals("[{\"type\":\"moving-average\",\"window\":10}]", FilterChain.of(new MovingAverageFilter(10)).toJson());
    }

    @Test
    void chainAppliesItsStepsInOrder() {
        DoubleNd x = noise(Shape.of(2000), 1);
        DoubleNd want = x;
        for (Filter f : EEG.steps()) {
            want = f.apply(want, ONE);
        }
        assertArrayEquals(want.toArray(), EEG.apply(x, ONE).toArray(), 0);
    }

    @Test
    void multichannelFiltersEachChannelAloneWhateverTheThreads() {
        DoubleNd x = noise(Shape.of(3, 1500), 2);
        DoubleNd all = EEG.apply(x, ONE.withThreads(2));
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(EEG.apply(x.slice(c).copy(), ONE).toArray(), all.slice(c).toArray(), 0, "channel " + c);
        }
    }

    @Test
    void causalFirByConvolutionEqualsLfilter() {
        DoubleNd x = noise(Shape.of(500), 3);
        double[] taps = {0.1, -0.3, 0.7, 0.2};
        assertArrayEquals(Lfilter.lfilter(taps, new double[] {1}, x).toArray(),
                new FirFilter(taps, false).apply(x, ONE).toArray(), 1e-12);
    }

    @Test
    void movingAverageStepIsTheSeedsNumpyConvolveSame() {
        DoubleNd x = noise(Shape.of(300), 4);
        assertArrayEquals(MovingAverage.byConvolution(x, 10).toArray(),
                new MovingAverageFilter(10).apply(x, ONE).toArray(), 1e-12);
    }

    @Test
    void badStepNamesItsPositionAndField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterChain.fromJson(
                "[{\"type\":\"moving-average\",\"window\":10},{\"type\":\"butterworth\",\"band\":\"lowpass\","
                        + "\"order\":\"four\",\"cutoffsHz\":[40],\"fs\":256}]"));
        assertEquals("filter step 2: field 'order' must be an integer, got \"four\"", e.getMessage());
    }

    @Test
    void cutoffAboveNyquistIsRefusedWhenTheStepIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ButterworthFilter(Butterworth.Band.LOWPASS, 4, new double[] {200}, 256, false));
        assertEquals(true, e.getMessage().contains("200"), e.getMessage());
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterChain.fromJson("[{\"type\":\"kalman\"}]"));
        assertEquals("filter step 1: field 'type': unknown filter 'kalman' (known: moving-average, fir, iir, butterworth, notch)",
                e.getMessage());
    }
}
