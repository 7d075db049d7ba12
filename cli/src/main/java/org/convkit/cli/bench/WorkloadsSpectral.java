package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.ComplexMatrix;
import org.convkit.api.signal.Stft;
import org.convkit.api.signal.TorchStftSpec;

/** The spectral workloads of {@code convkit bench}. */
final class WorkloadsSpectral {
    private static final long SEED = 20261126L;

    private WorkloadsSpectral() {
    }

    static List<Workload> all() {
        return List.of(stft60s());
    }

    /**
     * stft-60s: 60 s at 16 kHz (960,000 float32 samples), n_fft 512, hop 160, periodic Hann,
     * centred with reflect padding, complex onesided output (float64) written into a matrix
     * allocated once, before timing.
     */
    private static Workload stft60s() {
        return new Workload() {
            @Override
            public String id() {
                return "stft-60s";
            }

            @Override
            public Runnable prepare(int threads) {
                int n = 960_000;
                SplittableRandom rnd = new SplittableRandom(SEED + 7);
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) rnd.nextDouble(-1, 1);
                }
                FloatNd x = FloatNd.of(Shape.of(n), v);
                TorchStftSpec spec = TorchStftSpec.of(512).withHopLength(160);
                ComplexMatrix out = ComplexMatrix.zeros(spec.bins(), spec.frames(n));
                return () -> Stft.torchInto(x, spec, out, threads);
            }
        };
    }
}
