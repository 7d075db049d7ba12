package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class TorchStftTest {

    static double[] random(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    /** torch.stft by its definition: reflect-pad, window centred in n_fft, direct DFT of every frame. */
    static ComplexMatrix naiveTorch(double[] x, int nFft, int hop, double[] window, boolean onesided) {
        return naiveTorch(x, nFft, hop, window, onesided, TorchStftSpec.PadMode.REFLECT);
    }

    static ComplexMatrix naiveTorch(double[] x, int nFft, int hop, double[] window, boolean onesided,
                                    TorchStftSpec.PadMode mode) {
        int pad = nFft / 2;
        int n = x.length;
        double[] p = new double[n + 2 * pad];
        for (int i = 0; i < p.length; i++) {
            int j = i - pad;
            if (j >= 0 && j < n) {
                p[i] = x[j];
            } else if (mode == TorchStftSpec.PadMode.REFLECT) {
                p[i] = x[j < 0 ? -j : 2 * (n - 1) - j];
            } else if (mode == TorchStftSpec.PadMode.REPLICATE) {
                p[i] = x[j < 0 ? 0 : n - 1];
            }
        }
        double[] w = new double[nFft];
        System.arraycopy(window, 0, w, (nFft - window.length) / 2, window.length);
        int frames = 1 + (p.length - nFft) / hop;
        int bins = onesided ? nFft / 2 + 1 : nFft;
        ComplexMatrix z = ComplexMatrix.zeros(bins, frames);
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < bins; k++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < nFft; t++) {
                    double a = -2 * Math.PI * ((long) k * t % nFft) / nFft;
                    re += p[f * hop + t] * w[t] * Math.cos(a);
                    im += p[f * hop + t] * w[t] * Math.sin(a);
                }
                z.re()[k * frames + f] = re;
                z.im()[k * frames + f] = im;
            }
        }
        return z;
    }

    static void assertClose(ComplexMatrix want, ComplexMatrix got, double tol) {
        assertEquals(want.rows(), got.rows(), "frequencies");
        assertEquals(want.cols(), got.cols(), "frames");
        for (int i = 0; i < want.re().length; i++) {
            double d = Math.hypot(want.re()[i] - got.re()[i], want.im()[i] - got.im()[i]);
            assertTrue(d <= tol, "entry " + (i / want.cols()) + ", " + (i % want.cols()) + " off by " + d);
        }
    }

    @Test
    void matchesTheDirectDftOfReflectPaddedHannFrames() {
        double[] x = random(1, 300);
        ComplexMatrix got = Stft.torch(DoubleNd.vector(x), TorchStftSpec.of(64).withHopLength(20));
        assertClose(naiveTorch(x, 64, 20, Windows.hann(64, true), true), got, 1e-11);
        assertEquals(33, got.rows());
        assertEquals(1 + (300 + 64 - 64) / 20, got.cols());
    }

    @Test
    void shortWindowIsCentredInTheFftAndTwoSidedGivesEveryBin() {
        double[] x = random(2, 97);
        double[] w = Windows.hamming(40, true);
        TorchStftSpec spec = TorchStftSpec.of(50).withWindow(w).withHopLength(7).withOnesided(false);
        assertClose(naiveTorch(x, 50, 7, w, false), Stft.torch(DoubleNd.vector(x), spec), 1e-11);
    }

    @Test
    void constantAndReplicatePaddingMatchTheirDefinitions() {
        double[] x = random(10, 150);
        for (TorchStftSpec.PadMode mode : new TorchStftSpec.PadMode[] {TorchStftSpec.PadMode.CONSTANT,
            TorchStftSpec.PadMode.REPLICATE}) {
            TorchStftSpec spec = TorchStftSpec.of(32).withHopLength(9).withCenter(true, mode);
            assertClose(naiveTorch(x, 32, 9, Windows.hann(32, true), true, mode), Stft.torch(DoubleNd.vector(x), spec),
                    1e-11);
        }
    }

    @Test
    void oddFftLengthKeepsTheLastBinsImaginaryPart() {
        double[] x = random(11, 120);
        TorchStftSpec spec = TorchStftSpec.of(31).withHopLength(5);
        assertClose(naiveTorch(x, 31, 5, Windows.hann(31, true), true), Stft.torch(DoubleNd.vector(x), spec), 1e-11);
    }

    @Test
    void defaultHopIsAQuarterOfNfft() {
        TorchStftSpec spec = TorchStftSpec.of(128);
        assertEquals(32, spec.hopLength());
        assertEquals(1 + 1000 / 32, spec.frames(1000));
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        DoubleNd x = DoubleNd.vector(random(3, 20_000));
        TorchStftSpec spec = TorchStftSpec.of(256).withHopLength(50);
        assertEquals(Stft.torch(x, spec, 1), Stft.torch(x, spec, 3));
    }

    @Test
    void float32SignalGivesTheSpectrumOfItsValues() {
        double[] x = random(4, 500);
        float[] f = new float[x.length];
        double[] widened = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
            widened[i] = f[i];
        }
        TorchStftSpec spec = TorchStftSpec.of(64).withHopLength(16);
        assertEquals(Stft.torch(DoubleNd.vector(widened), spec), Stft.torch(FloatNd.of(Shape.of(f.length), f), spec));
    }

    @Test
    void normalizedDividesBySqrtNfft() {
        DoubleNd x = DoubleNd.vector(random(5, 400));
        ComplexMatrix plain = Stft.torch(x, TorchStftSpec.of(64));
        ComplexMatrix norm = Stft.torch(x, TorchStftSpec.of(64).withNormalized(true));
        for (int i = 0; i < plain.re().length; i++) {
            assertEquals(plain.re()[i] / 8, norm.re()[i], 1e-12);
            assertEquals(plain.im()[i] / 8, norm.im()[i], 1e-12);
        }
    }

    @Test
    void pureToneAtABinFrequencyPeaksAtThatBin() {
        int nFft = 256;
        int bin = 19;
        double[] x = new double[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(2 * Math.PI * bin * i / nFft);
        }
        ComplexMatrix z = Stft.torch(DoubleNd.vector(x), TorchStftSpec.of(nFft));
        for (int f = 2; f < z.cols() - 2; f++) {
            int best = 0;
            for (int k = 1; k < z.rows(); k++) {
                best = z.abs(k, f) > z.abs(best, f) ? k : best;
            }
            assertEquals(bin, best, "frame " + f);
            // Unscaled: a unit cosine has magnitude sum(window) / 2 = nFft / 4 with a periodic Hann.
            assertEquals(nFft / 4.0, z.abs(bin, f), 1e-9);
        }
    }

    @Test
    void reflectPaddingNeedsASignalLongerThanHalfTheFft() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stft.torch(DoubleNd.vector(new double[32]), TorchStftSpec.of(64)));
        assertEquals("reflect padding of n_fft / 2 = 32 needs a signal longer than that, got 32 samples", e.getMessage());
    }

    @Test
    void uncentredSignalShorterThanTheFftIsRejected() {
        TorchStftSpec spec = TorchStftSpec.of(64).withCenter(false, TorchStftSpec.PadMode.REFLECT);
        assertThrows(IllegalArgumentException.class, () -> Stft.torch(DoubleNd.vector(new double[63]), spec));
        assertEquals(1, Stft.torch(DoubleNd.vector(new double[64]), spec).cols());
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TorchStftSpec.of(64).withHopLength(0));
        assertThrows(IllegalArgumentException.class, () -> TorchStftSpec.of(64).withWinLength(65));
        assertThrows(IllegalArgumentException.class, () -> TorchStftSpec.of(0));
    }

    @Test
    void outputOfTheWrongShapeIsRejected() {
        DoubleNd x = DoubleNd.vector(random(6, 200));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stft.torchInto(x, TorchStftSpec.of(64), ComplexMatrix.zeros(33, 5), 1));
        assertEquals("output is 33 x 5 but the transform gives 33 frequencies x 13 frames", e.getMessage());
    }
}
