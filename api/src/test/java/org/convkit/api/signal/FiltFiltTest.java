package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.junit.jupiter.api.Test;

class FiltFiltTest {

    /** filtfilt spelled out with the public lfilter: odd extension, two passes from scaled zi, trim. */
    private static double[] byHand(double[] b, double[] a, double[] x) {
        int edge = 3 * Math.max(a.length, b.length);
        int n = x.length;
        double[] ext = new double[n + 2 * edge];
        for (int i = 0; i < edge; i++) {
            ext[i] = 2 * x[0] - x[edge - i];
            ext[edge + n + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, edge, n);
        double[] zi = Lfilter.lfilterZi(b, a);
        double[] y = Lfilter.lfilter(b, a, DoubleNd.vector(ext), DoubleNd.vector(scaled(zi, ext[0]))).y().toArray();
        double[] rev = reversed(y);
        double[] back = Lfilter.lfilter(b, a, DoubleNd.vector(rev), DoubleNd.vector(scaled(zi, y[y.length - 1]))).y().toArray();
        return Arrays.copyOfRange(reversed(back), edge, edge + n);
    }

    private static double[] scaled(double[] v, double s) {
        return Arrays.stream(v).map(e -> e * s).toArray();
    }

    private static double[] reversed(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    @Test
    void equalsOddPaddedForwardBackwardLfilter() {
        double[] x = IirTesting.random(11, 80).toArray();
        assertArrayEquals(byHand(IirTesting.B, IirTesting.A3, x), FiltFilt.filtfilt(IirTesting.B, IirTesting.A3, DoubleNd.vector(x)).toArray());
    }

    @Test
    void signalNoLongerThanPadlenIsRejectedNamingBoth() {
        // padlen = 3 * max(4, 3) = 12
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiltFilt.filtfilt(IirTesting.B, IirTesting.A, IirTesting.random(12, 12)));
        assertEquals("the signal has 12 samples but filtfilt needs more than padlen 12", e.getMessage());
        assertEquals(13, FiltFilt.filtfilt(IirTesting.B, IirTesting.A, IirTesting.random(12, 13)).shape().dim(0));
    }

    @Test
    void constantSignalPassesAtTheSquaredDcGain() {
        double dc = Arrays.stream(IirTesting.B).sum() / Arrays.stream(IirTesting.A).sum();
        double[] ones = new double[50];
        Arrays.fill(ones, 3);
        for (double v : FiltFilt.filtfilt(IirTesting.B, IirTesting.A, DoubleNd.vector(ones)).toArray()) {
            assertEquals(3 * dc * dc, v, 1e-13);
        }
    }

    @Test
    void multichannelFiltersEachRowLikeASingleChannel() {
        DoubleNd x = IirTesting.random(13, 4, 60);
        DoubleNd all = FiltFilt.filtfilt(IirTesting.B, IirTesting.A, x);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(FiltFilt.filtfilt(IirTesting.B, IirTesting.A, x.slice(c)).toArray(), all.slice(c).toArray());
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        DoubleNd x = IirTesting.random(14, 5, 20_000);
        assertArrayEquals(FiltFilt.filtfilt(IirTesting.B, IirTesting.A, x, ConvContext.defaults()).toArray(),
                FiltFilt.filtfilt(IirTesting.B, IirTesting.A, x, ConvContext.defaults().withThreads(2)).toArray());
    }
}
