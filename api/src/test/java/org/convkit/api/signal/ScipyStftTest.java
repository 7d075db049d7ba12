package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.DoubleNd;
import org.junit.jupiter.api.Test;

/**
 * Reference values from scipy 1.10.1 (Debian's /usr/bin/python3) on
 * {@code x = sin(0.3 i) + 0.5 cos(1.7 i) + 0.01 i, i = 0..49}; each test states the call.
 */
class ScipyStftTest {

    private static DoubleNd signal() {
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.3 * i) + 0.5 * Math.cos(1.7 * i) + 0.01 * i;
        }
        return DoubleNd.vector(x);
    }

    private static void assertEntry(ComplexMatrix z, int k, int t, double re, double im) {
        assertEquals(re, z.re(k, t), 1e-12, "re (" + k + ", " + t + ")");
        assertEquals(im, z.im(k, t), 1e-12, "im (" + k + ", " + t + ")");
    }

    private static double sumAbs(ComplexMatrix z) {
        double s = 0;
        for (int i = 0; i < z.re().length; i++) {
            s += Math.hypot(z.re()[i], z.im()[i]);
        }
        return s;
    }

    @Test
    void evenBoundaryUnpaddedLinearDetrendHammingWithLongerFftMatchesScipy() {
        // stft(x, fs=10.0, window='hamming', nperseg=16, noverlap=5, nfft=20, boundary='even', padded=False,
        //      detrend='linear')
        ScipyStftSpec spec = ScipyStftSpec.of().withFs(10).withWindow("hamming").withNperseg(16).withNoverlap(5)
                .withNfft(20).withBoundary(ScipyStftSpec.Boundary.EVEN).withPadded(false).withDetrend(Detrend.LINEAR);
        StftResult r = Stft.scipy(signal(), spec);
        assertEquals(11, r.z().rows());
        assertEquals(5, r.z().cols());
        assertArrayEquals(new double[] {0.0, 0.5, 1.0}, java.util.Arrays.copyOf(r.f(), 3), 1e-15);
        assertEquals(5.0, r.f()[10], 1e-15);
        assertArrayEquals(new double[] {0.0, 1.1, 2.2, 3.3, 4.4}, r.t(), 1e-12);
        assertEntry(r.z(), 1, 1, 0.09701878797951197, -0.060412171016992755);
        assertEntry(r.z(), 10, 4, 0.030762896214700956, 0.0);
        assertEntry(r.z(), 2, 0, -0.06891235767886818, -0.23364409036595946);
        assertEquals(5.392195497774493, sumAbs(r.z()), 1e-11);
    }

    @Test
    void oddBoundaryTwoSidedPsdConstantDetrendMatchesScipy() {
        // stft(x, fs=10.0, nperseg=16, boundary='odd', return_onesided=False, scaling='psd', detrend='constant')
        ScipyStftSpec spec = ScipyStftSpec.of().withFs(10).withNperseg(16).withBoundary(ScipyStftSpec.Boundary.ODD)
                .withOnesided(false).withScaling(ScipyStftSpec.Scaling.PSD).withDetrend(Detrend.CONSTANT);
        StftResult r = Stft.scipy(signal(), spec);
        assertEquals(16, r.z().rows());
        assertEquals(8, r.z().cols());
        assertEquals(0.625, r.f()[1], 1e-15);
        assertEquals(-0.625, r.f()[15], 1e-15);
        assertEquals(5.6, r.t()[7], 1e-12);
        assertEntry(r.z(), 1, 1, -0.22878750755317798, -0.3270228135247416);
        assertEntry(r.z(), 15, 7, -0.3924579937127267, 0.3598211803397534);
        assertEntry(r.z(), 2, 0, 7.166458808248763e-18, 0.09626131093555519);
        assertEquals(20.461017589071034, sumAbs(r.z()), 1e-11);
    }

    @Test
    void noBoundaryOddSegmentPaddedMatchesScipy() {
        // stft(x, nperseg=15, boundary=None, padded=True)
        StftResult r = Stft.scipy(signal(), ScipyStftSpec.of().withNperseg(15).withBoundary(ScipyStftSpec.Boundary.NONE));
        assertEquals(8, r.z().rows());
        assertEquals(6, r.z().cols());
        assertEquals(0.06666666666666667, r.f()[1], 1e-15);
        assertArrayEquals(new double[] {7.5, 15.5, 23.5, 31.5, 39.5, 47.5}, r.t(), 1e-12);
        assertEntry(r.z(), 1, 1, 0.4329042696766822, -0.009800445547318152);
        assertEntry(r.z(), 7, 5, 0.018768431975507288, -0.027687851573818336);
        assertEquals(10.553027462253198, sumAbs(r.z()), 1e-11);
    }

    @Test
    void pureToneAtABinFrequencyHasMagnitudeOneHalf() {
        double fs = 1000;
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(2 * Math.PI * 125.0 * i / fs);
        }
        StftResult r = Stft.scipy(DoubleNd.vector(x), ScipyStftSpec.of().withFs(fs).withNperseg(64));
        int bin = 8; // 125 Hz at fs / 64 = 15.625 Hz per bin
        assertEquals(125.0, r.f()[bin], 1e-12);
        // The first and the last two frames overlap the zero extension and padding.
        for (int t = 1; t < r.z().cols() - 2; t++) {
            assertEquals(0.5, r.z().abs(bin, t), 1e-12, "frame " + t);
        }
    }

    @Test
    void scipyAndTorchConventionsDifferByScaleInsideAndByPaddingAtTheEdges() {
        double[] x = TorchStftTest.random(7, 1000);
        int n = 128;
        int hop = 32;
        ComplexMatrix torch = Stft.torch(DoubleNd.vector(x), TorchStftSpec.of(n).withHopLength(hop));
        ComplexMatrix scipy = Stft.scipy(DoubleNd.vector(x), ScipyStftSpec.of().withNperseg(n).withNoverlap(n - hop)).z();
        double gain = 0;
        for (double w : Windows.hann(n, true)) {
            gain += w;
        }
        // Both frame t start at t * hop - n / 2; scipy divides by sum(window) and pads with zeros.
        for (int t = 2; t < 28; t++) {
            for (int k = 0; k <= n / 2; k++) {
                assertEquals(torch.re(k, t), scipy.re(k, t) * gain, 1e-10);
                assertEquals(torch.im(k, t), scipy.im(k, t) * gain, 1e-10);
            }
        }
        assertTrue(Math.abs(torch.re(0, 0) - scipy.re(0, 0) * gain) > 1e-3, "reflect vs zero padding at the start");
        assertEquals(1 + 1000 / 32, torch.cols());
        assertEquals(33, scipy.cols()); // 1000 + 2 * 64 samples padded to 1152: (1152 - 96) / 32 frames
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        DoubleNd x = DoubleNd.vector(TorchStftTest.random(8, 30_000));
        ScipyStftSpec spec = ScipyStftSpec.of().withNperseg(200).withNoverlap(150).withDetrend(Detrend.LINEAR);
        assertEquals(Stft.scipy(x, spec, 1).z(), Stft.scipy(x, spec, 2).z());
    }

    @Test
    void overlapNotBelowSegmentLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScipyStftSpec.of().withNperseg(64).withNoverlap(64));
        assertEquals("noverlap must be in [0, nperseg = 64), got 64", e.getMessage());
    }

    @Test
    void fftShorterThanSegmentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScipyStftSpec.of().withNperseg(64).withNfft(32));
    }

    @Test
    void explicitWindowLongerThanTheSignalIsRejected() {
        ScipyStftSpec spec = ScipyStftSpec.of().withWindow(Windows.hann(64, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stft.scipy(DoubleNd.vector(new double[40]), spec));
        assertEquals("window of 64 points is longer than the signal (40 samples)", e.getMessage());
    }

    @Test
    void namedWindowLongerThanTheSignalShrinksToItsLength() {
        StftResult r = Stft.scipy(DoubleNd.vector(TorchStftTest.random(9, 40)), ScipyStftSpec.of());
        assertEquals(21, r.z().rows()); // nperseg 256 cut to 40, as scipy does (with a warning)
    }

    @Test
    void emptyOrMultidimensionalSignalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Stft.scipy(DoubleNd.vector(), ScipyStftSpec.of()));
        assertThrows(IllegalArgumentException.class, () -> Stft.scipy(
                DoubleNd.zeros(org.convkit.api.nd.Shape.of(2, 50)), ScipyStftSpec.of()));
    }
}
