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

class LfilterTest {

    @Test
    void matchesAHandComputedRecursion() {
        // y[n] = x[n] + 0.5 x[n-1] + 0.5 y[n-1], every step exact in binary.
        DoubleNd y = Lfilter.lfilter(new double[] {1, 0.5}, new double[] {1, -0.5}, DoubleNd.vector(1, 0, 0, 2));
        assertArrayEquals(new double[] {1, 1, 0.5, 2.25}, y.toArray());
    }

    @Test
    void coefficientsAreNormalisedByA0() {
        DoubleNd y = Lfilter.lfilter(new double[] {2, 1}, new double[] {2, -1}, DoubleNd.vector(1, 0, 0, 2));
        assertArrayEquals(new double[] {1, 1, 0.5, 2.25}, y.toArray());
    }

    @Test
    void zeroA0IsRejectedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lfilter.lfilter(new double[] {1}, new double[] {0, 1}, DoubleNd.vector(1, 2)));
        assertTrue(e.getMessage().contains("a[0] = 0.0"), e.getMessage());
    }

    @Test
    void firFilterIsTheTruncatedConvolution() {
        DoubleNd x = IirTesting.random(1, 50);
        double[] y = Lfilter.lfilter(IirTesting.B, new double[] {1}, x).toArray();
        for (int n = 0; n < 50; n++) {
            double want = 0;
            for (int k = 0; k < IirTesting.B.length && k <= n; k++) {
                want += IirTesting.B[k] * x.getDouble(n - k);
            }
            assertEquals(want, y[n], 1e-15, "sample " + n);
        }
    }

    @Test
    void stateHasMaxLengthMinusOneValuesEvenWhenAIsLonger() {
        FilterResult r = Lfilter.lfilter(new double[] {1}, IirTesting.A3, IirTesting.random(2, 10), DoubleNd.vector(0, 0, 0));
        assertEquals(Shape.of(3), r.zf().shape());
    }

    @Test
    void chunkedFilteringEqualsWholeBitForBit() {
        for (double[] a : new double[][] {IirTesting.A, IirTesting.A3, {1}}) {
            DoubleNd x = IirTesting.random(3, 1000);
            int m = Math.max(a.length, IirTesting.B.length) - 1;
            DoubleNd whole = Lfilter.lfilter(IirTesting.B, a, x);
            double[] chunked = new double[1000];
            DoubleNd z = DoubleNd.zeros(Shape.of(m));
            int from = 0;
            for (int len : new int[] {1, 7, 0, 300, 2, 690}) {
                FilterResult r = Lfilter.lfilter(IirTesting.B, a, DoubleNd.vector(Arrays.copyOfRange(x.toArray(), from, from + len)), z);
                System.arraycopy(r.y().toArray(), 0, chunked, from, len);
                z = r.zf();
                from += len;
            }
            assertEquals(1000, from);
            assertArrayEquals(whole.toArray(), chunked, "a = " + Arrays.toString(a));
        }
    }

    @Test
    void lfilterZiMakesAStepOutputItsSteadyStateFromTheFirstSample() {
        for (double[] a : new double[][] {IirTesting.A, IirTesting.A3, {2, -0.5}}) {
            double[] zi = Lfilter.lfilterZi(IirTesting.B, a);
            double dc = Arrays.stream(IirTesting.B).sum() / Arrays.stream(a).sum();
            double[] ones = new double[40];
            Arrays.fill(ones, 1);
            double[] y = Lfilter.lfilter(IirTesting.B, a, DoubleNd.vector(ones), DoubleNd.vector(zi)).y().toArray();
            for (double v : y) {
                assertEquals(dc, v, 1e-13, "a = " + Arrays.toString(a));
            }
        }
    }

    @Test
    void lfilterZiRejectsAPoleAtOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lfilter.lfilterZi(new double[] {1}, new double[] {1, -1}));
        assertTrue(e.getMessage().contains("z = 1"), e.getMessage());
    }

    @Test
    void ziOfTheWrongShapeIsRejectedNamingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lfilter.lfilter(IirTesting.B, IirTesting.A, IirTesting.random(4, 10), DoubleNd.vector(0, 0)));
        assertTrue(e.getMessage().contains("shape (3)") && e.getMessage().contains("got (2)"), e.getMessage());
    }

    @Test
    void multichannelFiltersEachRowLikeASingleChannel() {
        DoubleNd x = IirTesting.random(5, 3, 2, 40);
        DoubleNd zi = IirTesting.random(6, 3, 2, 3);
        FilterResult all = Lfilter.lfilter(IirTesting.B, IirTesting.A, x, zi);
        assertEquals(Shape.of(3, 2, 3), all.zf().shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                FilterResult one = Lfilter.lfilter(IirTesting.B, IirTesting.A, x.slice(i).slice(j), zi.slice(i).slice(j));
                assertArrayEquals(one.y().toArray(), all.y().slice(i).slice(j).toArray());
                assertArrayEquals(one.zf().toArray(), all.zf().slice(i).slice(j).toArray());
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        DoubleNd x = IirTesting.random(7, 5, 20_000);
        DoubleNd one = Lfilter.lfilter(IirTesting.B, IirTesting.A, x, ConvContext.defaults());
        DoubleNd two = Lfilter.lfilter(IirTesting.B, IirTesting.A, x, ConvContext.defaults().withThreads(2));
        assertArrayEquals(one.toArray(), two.toArray());
    }

    @Test
    void inputIsNotModified() {
        DoubleNd x = IirTesting.random(8, 30);
        double[] before = x.toArray();
        Lfilter.lfilter(IirTesting.B, IirTesting.A, x);
        assertArrayEquals(before, x.toArray());
    }
}
