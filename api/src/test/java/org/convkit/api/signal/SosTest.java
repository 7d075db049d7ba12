package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class SosTest {
    private static final double[][] SEVEN = IirTesting.SEVEN;

    @Test
    void cascadeAgreesWithLfilterSectionBySection() {
        DoubleNd x = IirTesting.random(21, 500);
        DoubleNd want = x;
        for (double[] s : SEVEN) {
            want = Lfilter.lfilter(Arrays.copyOfRange(s, 0, 3), Arrays.copyOfRange(s, 3, 6), want);
        }
        double[] got = Sos.sosfilt(SEVEN, x).toArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(want.getDouble(i), got[i], 1e-12 * (1 + Math.abs(want.getDouble(i))), "sample " + i);
        }
    }

    @Test
    void groupingOfSectionsDoesNotChangeAnyBit() {
        DoubleNd x = IirTesting.random(22, 5000);
        DoubleNd y = x;
        for (int s = 0; s < SEVEN.length; s++) {
            y = Sos.sosfilt(IirTesting.sections(SEVEN, s, s + 1), y);
        }
        assertArrayEquals(y.toArray(), Sos.sosfilt(SEVEN, x).toArray());
    }

    @Test
    void chunkedFilteringEqualsWholeBitForBit() {
        for (int sections : new int[] {1, 3, 4, 7}) {
            double[][] sos = IirTesting.sections(SEVEN, 0, sections);
            DoubleNd x = IirTesting.random(23, 6000);
            double[] whole = Sos.sosfilt(sos, x).toArray();
            double[] chunked = new double[6000];
            DoubleNd z = DoubleNd.zeros(Shape.of(sections, 2));
            int from = 0;
            for (int len : new int[] {1, 2047, 5, 0, 2100, 1847}) {
                FilterResult r = Sos.sosfilt(sos, DoubleNd.vector(Arrays.copyOfRange(x.toArray(), from, from + len)), z);
                System.arraycopy(r.y().toArray(), 0, chunked, from, len);
                z = r.zf();
                from += len;
            }
            assertEquals(6000, from);
            assertArrayEquals(whole, chunked, sections + " sections");
        }
    }

    @Test
    void sosfiltZiMakesAStepOutputItsSteadyStateFromTheFirstSample() {
        double[][] sos = IirTesting.sections(SEVEN, 4, 7);
        double dc = 1;
        for (double[] s : sos) {
            dc *= (s[0] + s[1] + s[2]) / (s[3] + s[4] + s[5]);
        }
        double[] ones = new double[60];
        Arrays.fill(ones, 1);
        DoubleNd zi = Sos.sosfiltZi(sos);
        assertEquals(Shape.of(3, 2), zi.shape());
        for (double v : Sos.sosfilt(sos, DoubleNd.vector(ones), zi).y().toArray()) {
            assertEquals(dc, v, 1e-13);
        }
    }

    @Test
    void sectionWithA0OtherThanOneIsRejected() {
        double[][] sos = {{1, 0, 0, 1, 0, 0}, {1, 0, 0, 2, 0, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sos.sosfilt(sos, DoubleNd.vector(1, 2)));
        assertTrue(e.getMessage().contains("section 1 has a0 = 2.0"), e.getMessage());
    }

    @Test
    void sectionWithoutSixCoefficientsIsRejected() {
        double[][] sos = {{1, 0, 0, 1, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sos.sosfilt(sos, DoubleNd.vector(1, 2)));
        assertTrue(e.getMessage().contains("5 values"), e.getMessage());
    }

    @Test
    void sosfiltfiltPadlenFollowsScipyAndShortSignalsAreRejected() {
        // 4 full sections: padlen = 3 * (2 * 4 + 1) = 27.
        double[][] four = IirTesting.sections(SEVEN, 0, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sos.sosfiltfilt(four, IirTesting.random(24, 27)));
        assertEquals("the signal has 27 samples but sosfiltfilt needs more than padlen 27", e.getMessage());
        assertEquals(28, Sos.sosfiltfilt(four, IirTesting.random(24, 28)).shape().dim(0));
        // A first-order section (b2 == 0 and a2 == 0) takes two taps off: 3 * (2 * 2 + 1 - 1) = 12.
        double[][] firstOrder = {SEVEN[4], SEVEN[6]};
        assertEquals(4, Sos.padTaps(firstOrder));
        assertThrows(IllegalArgumentException.class, () -> Sos.sosfiltfilt(firstOrder, IirTesting.random(25, 12)));
    }

    @Test
    void sosfiltfiltEqualsFiltfiltForOneSection() {
        double[][] one = {SEVEN[4]};
        DoubleNd x = IirTesting.random(26, 100);
        double[] want = FiltFilt.filtfilt(Arrays.copyOfRange(SEVEN[4], 0, 3), Arrays.copyOfRange(SEVEN[4], 3, 6), x).toArray();
        double[] got = Sos.sosfiltfilt(one, x).toArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-13, "sample " + i);
        }
    }

    @Test
    void multichannelStateIsSectionsByChannelsByTwoAndMatchesEachChannel() {
        DoubleNd x = IirTesting.random(27, 3, 50);
        DoubleNd zi = IirTesting.random(28, 7, 3, 2);
        FilterResult all = Sos.sosfilt(SEVEN, x, zi);
        assertEquals(Shape.of(7, 3, 2), all.zf().shape());
        for (int c = 0; c < 3; c++) {
            double[] z = new double[14];
            for (int s = 0; s < 7; s++) {
                z[2 * s] = zi.get(s, c, 0);
                z[2 * s + 1] = zi.get(s, c, 1);
            }
            FilterResult one = Sos.sosfilt(SEVEN, x.slice(c), DoubleNd.of(Shape.of(7, 2), z));
            assertArrayEquals(one.y().toArray(), all.y().slice(c).toArray());
            for (int s = 0; s < 7; s++) {
                assertEquals(one.zf().get(s, 0), all.zf().get(s, c, 0));
                assertEquals(one.zf().get(s, 1), all.zf().get(s, c, 1));
            }
        }
        DoubleNd ff = Sos.sosfiltfilt(SEVEN, x);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(Sos.sosfiltfilt(SEVEN, x.slice(c)).toArray(), ff.slice(c).toArray());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        DoubleNd x = IirTesting.random(29, 5, 20_000);
        ConvContext one = ConvContext.defaults();
        ConvContext two = one.withThreads(2);
        assertArrayEquals(Sos.sosfilt(SEVEN, x, one).toArray(), Sos.sosfilt(SEVEN, x, two).toArray());
        assertArrayEquals(Sos.sosfiltfilt(SEVEN, x, one).toArray(), Sos.sosfiltfilt(SEVEN, x, two).toArray());
    }
}
