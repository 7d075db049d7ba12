package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.signal.MovingAverage;

/** The 1d workloads of {@code convkit bench}. */
final class Workloads1d {
    private static final long SEED = 20261126L;

    private Workloads1d() {
    }

    static List<Workload> all() {
        return List.of(
                convolution("conv1d-k101", 1_000_000, 101, 2.0 * 1_000_000 * 101),
                // Done by FFT: the direct-form count would overstate the work, so no flop figure.
                convolution("conv1d-k10001", 1_000_000, 10_001, 0),
                workload("movavg-w10", 0, threads -> {
                    DoubleNd x = signal(10_000_000, 1);
                    ConvContext ctx = ConvContext.defaults().withThreads(threads);
                    return () -> MovingAverage.same(x, 10, ctx);
                }));
    }

    /** float64 signal of {@code n} samples, kernel of {@code taps}, mode same, automatic method. */
    private static Workload convolution(String id, int n, int taps, double flops) {
        return workload(id, flops, threads -> {
            DoubleNd x = signal(n, 1);
            DoubleNd k = signal(taps, 2);
            ConvSpec spec = ConvSpec.convolve(ConvMode.SAME);
            ConvContext ctx = new ConvContext(ConvMethod.AUTO, threads);
            return () -> Convolution.apply(x, k, spec, ctx);
        });
    }

    private static DoubleNd signal(int n, long stream) {
        SplittableRandom rnd = new SplittableRandom(SEED + stream);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return DoubleNd.vector(v);
    }

    private static Workload workload(String id, double flops, IntFunction<Runnable> prepare) {
        return new Workload() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Runnable prepare(int threads) {
                return prepare.apply(threads);
            }

            @Override
            public double flops() {
                return flops;
            }
        };
    }
}
