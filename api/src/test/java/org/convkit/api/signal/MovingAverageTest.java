package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class MovingAverageTest {

    private static DoubleNd random(SplittableRandom rnd, int n, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + rnd.nextDouble(-1, 1);
        }
        return DoubleNd.vector(v);
    }

    private static void assertClose(DoubleNd want, DoubleNd got, double scale, String what) {
        assertEquals(want.shape(), got.shape(), what + ": shape");
        for (int i = 0; i < want.shape().size(); i++) {
            double err = Math.abs(want.getDouble(i) - got.getDouble(i));
            assertTrue(err <= 1e-12 * scale, what + ": element " + i + " is " + got.getDouble(i) + ", want "
                    + want.getDouble(i));
        }
    }

    @Test
    void runningSumAgreesWithTheConvolutionFormOnRandomSignals() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 100, 4097, 9000}) {
            for (int w : new int[] {1, 2, 3, 4, 10, 64, 101, 5000}) {
                DoubleNd x = random(rnd, n, 0);
                assertClose(MovingAverage.byConvolution(x, w), MovingAverage.same(x, w), 1, "n " + n + ", window " + w);
            }
        }
    }

    @Test
    void windowLongerThanTheSignalSwapsAsNumpyDoes() {
        DoubleNd y = MovingAverage.same(DoubleNd.vector(1, 1, 1), 10);
        assertEquals(Shape.of(10), y.shape());
        // numpy.convolve(ones(3), ones(10) / 10, 'same')
        assertArrayEquals(new double[] {0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.2}, y.toArray(), 1e-15);
        DoubleNd x = random(new SplittableRandom(4), 6, 0);
        assertClose(MovingAverage.byConvolution(x, 13), MovingAverage.same(x, 13), 1, "6 samples, window 13");
    }

    @Test
    void seedExampleWindowTenRampsAtTheEdgesLikeNumpy() {
        double[] ones = new double[20];
        Arrays.fill(ones, 1);
        double[] y = MovingAverage.same(DoubleNd.vector(ones), 10).toArray();
        double[] want = new double[20];
        Arrays.fill(want, 1);
        // Five samples of the window fall before the start, four after the end.
        for (int i = 0; i < 5; i++) {
            want[i] = (5 + i) / 10.0;
            want[19 - i] = (6 + i) / 10.0;
        }
        assertArrayEquals(want, y, 1e-15);
        DoubleNd eeg = random(new SplittableRandom(10), 2560, 0);
        assertClose(MovingAverage.byConvolution(eeg, 10), MovingAverage.same(eeg, 10), 1, "window 10");
    }

    @Test
    void staysAccurateOverTenMillionSamplesWithALargeMean() {
        DoubleNd x = random(new SplittableRandom(5), 10_000_000, 1000);
        int w = 10;
        double[] y = MovingAverage.same(x, w).toArray();
        double[] xs = x.data();
        for (int i = 5; i < y.length - 5; i += 99_991) {
            BigDecimal exact = BigDecimal.ZERO;
            for (int t = i - 5; t <= i + 4; t++) {
                exact = exact.add(new BigDecimal(xs[t]));
            }
            double want = exact.divide(BigDecimal.valueOf(w), MathContext.DECIMAL128).doubleValue();
            assertEquals(want, y[i], 1e-12 * Math.abs(want), "sample " + i);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        DoubleNd x = random(new SplittableRandom(6), 100_000, 0);
        double[] one = MovingAverage.same(x, 37).toArray();
        double[] three = MovingAverage.same(x, 37, ConvContext.defaults().withThreads(3)).toArray();
        assertArrayEquals(one, three, 0.0);
    }

    @Test
    void anExplicitMethodComputesTheConvolutionForm() {
        DoubleNd x = random(new SplittableRandom(7), 50, 0);
        DoubleNd y = MovingAverage.same(x, 8, ConvContext.of(ConvMethod.REFERENCE));
        assertArrayEquals(MovingAverage.byConvolution(x, 8).toArray(), y.toArray(), 0.0);
        DoubleNd swapped = MovingAverage.same(DoubleNd.vector(1, 2, 3), 5, ConvContext.of(ConvMethod.REFERENCE));
        assertEquals(Shape.of(5), swapped.shape());
    }

    @Test
    void worksOnAViewIntoALargerArray() {
        DoubleNd rows = DoubleNd.of(Shape.of(2, 4), 1, 2, 3, 4, 10, 20, 30, 40);
        assertArrayEquals(MovingAverage.byConvolution(rows.slice(1).copy(), 3).toArray(),
                MovingAverage.same(rows.slice(1), 3).toArray(), 1e-12);
    }

    @Test
    void rejectsAWindowBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MovingAverage.same(DoubleNd.vector(1, 2), 0));
        assertTrue(e.getMessage().contains("window must be >= 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MovingAverage.byConvolution(DoubleNd.vector(1, 2), -3));
    }

    @Test
    void rejectsEmptyAndMultiDimensionalSignals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MovingAverage.same(DoubleNd.zeros(Shape.of(2, 3)), 2));
        assertTrue(e.getMessage().contains("2x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MovingAverage.same(DoubleNd.zeros(Shape.of(0)), 2));
    }
}
