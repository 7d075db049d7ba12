package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class VectorFrameFftTest {

    private static ComplexMatrix run(NdArray x, int nfft, int hop, double[] window, Detrend detrend, int threads,
                                     boolean vector) {
        FrameSource src = FrameSource.of(x, nfft / 2, FrameSource.Edge.REFLECT);
        int frames = 1 + (x.shape().dim(0) + 2 * (nfft / 2) - nfft) / hop;
        ComplexMatrix out = ComplexMatrix.zeros(nfft / 2 + 1, frames);
        FrameFft.run(src, frames, hop, window, nfft, detrend, true, out, threads, vector);
        return out;
    }

    /** Largest |vector - JTransforms| relative to the largest magnitude of the JTransforms spectrum. */
    private static double relativeError(ComplexMatrix want, ComplexMatrix got) {
        double err = 0;
        double scale = 0;
        for (int i = 0; i < want.re().length; i++) {
            err = Math.max(err, Math.hypot(want.re()[i] - got.re()[i], want.im()[i] - got.im()[i]));
            scale = Math.max(scale, Math.hypot(want.re()[i], want.im()[i]));
        }
        return err / scale;
    }

    @Test
    void vectorKernelIsAvailableWhenTheModuleIsPresent() {
        assertTrue(FrameFft.VECTOR_API, "tests run with --add-modules=jdk.incubator.vector");
    }

    @Test
    void matchesJTransformsForEveryPowerOfTwoSize() {
        for (int nfft = 16; nfft <= 4096; nfft *= 2) {
            double[] x = TorchStftTest.random(nfft, 3 * nfft + 37);
            double[] w = Windows.hann(nfft, true);
            DoubleNd sig = DoubleNd.vector(x);
            ComplexMatrix want = run(sig, nfft, nfft / 4 + 1, w, Detrend.NONE, 1, false);
            ComplexMatrix got = run(sig, nfft, nfft / 4 + 1, w, Detrend.NONE, 1, true);
            assertTrue(relativeError(want, got) < 1e-14, "nfft " + nfft + ": " + relativeError(want, got));
        }
    }

    @Test
    void edgeBinsAreExactlyReal() {
        double[] x = TorchStftTest.random(5, 1000);
        ComplexMatrix got = run(DoubleNd.vector(x), 64, 10, Windows.hann(64, true), Detrend.NONE, 1, true);
        for (int f = 0; f < got.cols(); f++) {
            assertEquals(0.0, got.im(0, f), "frame " + f + " bin 0");
            assertEquals(0.0, got.im(32, f), "frame " + f + " Nyquist bin");
        }
    }

    @Test
    void matchesJTransformsWithAShortWindowDetrendingAndAPartialLastBlock() {
        double[] x = TorchStftTest.random(11, 790);
        double[] w = Windows.hamming(40, false);
        for (Detrend d : Detrend.values()) {
            ComplexMatrix want = run(DoubleNd.vector(x), 64, 7, w, d, 1, false);
            ComplexMatrix got = run(DoubleNd.vector(x), 64, 7, w, d, 1, true);
            assertTrue(want.cols() % 16 != 0, "the last block is partial");
            assertTrue(relativeError(want, got) < 1e-14, d + ": " + relativeError(want, got));
        }
    }

    @Test
    void givesIdenticalResultsOnOneAndTwoThreads() {
        float[] v = new float[40_000];
        double[] r = TorchStftTest.random(3, v.length);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r[i];
        }
        FloatNd x = FloatNd.of(Shape.of(v.length), v);
        ComplexMatrix one = run(x, 512, 160, Windows.hann(512, true), Detrend.NONE, 1, true);
        ComplexMatrix two = run(x, 512, 160, Windows.hann(512, true), Detrend.NONE, 2, true);
        assertArrayEquals(one.re(), two.re());
        assertArrayEquals(one.im(), two.im());
    }

    @Test
    void aFramesSpectrumDoesNotDependOnItsLaneOrBlock() {
        int nfft = 128;
        int hop = 40;
        double[] x = TorchStftTest.random(21, 6000);
        double[] shifted = java.util.Arrays.copyOfRange(x, hop, x.length);
        double[] w = Windows.hann(nfft, true);
        int frames = 1 + (shifted.length - nfft) / hop;
        ComplexMatrix a = ComplexMatrix.zeros(nfft / 2 + 1, frames + 1);
        ComplexMatrix b = ComplexMatrix.zeros(nfft / 2 + 1, frames);
        FrameFft.run(FrameSource.of(DoubleNd.vector(x), 0, FrameSource.Edge.ZEROS), frames + 1, hop, w, nfft,
                Detrend.NONE, true, a, 1, true);
        FrameFft.run(FrameSource.of(DoubleNd.vector(shifted), 0, FrameSource.Edge.ZEROS), frames, hop, w, nfft,
                Detrend.NONE, true, b, 1, true);
        for (int k = 0; k <= nfft / 2; k++) {
            for (int f = 0; f < frames; f++) {
                assertEquals(a.re(k, f + 1), b.re(k, f), "bin " + k + " frame " + f);
                assertEquals(a.im(k, f + 1), b.im(k, f), "bin " + k + " frame " + f);
            }
        }
    }

    @Test
    void torchStftMatchesTheDirectDftThroughTheVectorKernel() {
        double[] x = TorchStftTest.random(9, 5000);
        ComplexMatrix got = Stft.torch(DoubleNd.vector(x), TorchStftSpec.of(256).withHopLength(64), 2);
        ComplexMatrix want = TorchStftTest.naiveTorch(x, 256, 64, Windows.hann(256, true), true);
        TorchStftTest.assertClose(want, got, 1e-10);
    }

    @Test
    void supportsOnlyOnesidedPowersOfTwoFromSixteen() {
        assertTrue(VectorFrameFft.supports(16, true));
        assertTrue(VectorFrameFft.supports(512, true));
        assertFalse(VectorFrameFft.supports(8, true));
        assertFalse(VectorFrameFft.supports(400, true));
        assertFalse(VectorFrameFft.supports(512, false));
    }
}
