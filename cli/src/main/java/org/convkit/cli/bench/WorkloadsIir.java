package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.Sos;

/** The IIR workloads of {@code convkit bench}: {@code iir-sos} and {@code filtfilt-64ch}. */
final class WorkloadsIir {
    private static final long SEED = 20261127L;

    /**
     * butter(4, [1, 40] Hz, bandpass, fs=256) as second-order sections, from scipy 1.10.1:
     * {@code scipy.signal.butter(4, [1, 40], btype='bandpass', fs=256, output='sos')}. Hard-coded so
     * the workload does not depend on the filter-design code.
     */
    static final double[][] BUTTER4_BANDPASS_1_40_FS256 = {
        {0.019519878425844493, 0.039039756851688985, 0.019519878425844493, 1.0, -0.6678552817830781, 0.14606000145308265},
        {1.0, 2.0, 1.0, 1.0, -0.8582708928834707, 0.532964678196369},
        {1.0, -2.0, 1.0, 1.0, -1.9535864062917438, 0.9542242489909774},
        {1.0, -2.0, 1.0, 1.0, -1.981398572480143, 0.9820030228766599},
    };

    private WorkloadsIir() {
    }

    static List<Workload> all() {
        return List.of(
                workload("iir-sos", threads -> {
                    DoubleNd x = signal(Shape.of(10_000_000));
                    ConvContext ctx = ConvContext.defaults().withThreads(threads);
                    return () -> Sos.sosfilt(BUTTER4_BANDPASS_1_40_FS256, x, ctx);
                }),
                workload("filtfilt-64ch", threads -> {
                    DoubleNd x = signal(Shape.of(64, 256 * 600));
                    ConvContext ctx = ConvContext.defaults().withThreads(threads);
                    return () -> Sos.sosfiltfilt(BUTTER4_BANDPASS_1_40_FS256, x, ctx);
                }));
    }

    private static DoubleNd signal(Shape shape) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return DoubleNd.of(shape, v);
    }

    private static Workload workload(String id, IntFunction<Runnable> prepare) {
        return new Workload() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Runnable prepare(int threads) {
                return prepare.apply(threads);
            }
        };
    }
}
