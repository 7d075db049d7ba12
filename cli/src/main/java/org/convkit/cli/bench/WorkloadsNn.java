package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.convkit.api.linalg.Sgemm;

/**
 * The network workloads of {@code convkit bench} (WORKLOADS.md): {@code sgemm-1024}. Each entry is
 * an id, its flop count (0 when none) and a factory that builds inputs from a fixed seed and
 * returns the timed action.
 */
final class WorkloadsNn {
    private static final long SEED = 20261127L;
    private static final int GEMM = 1024;

    private WorkloadsNn() {
    }

    static List<Workload> all() {
        return List.of(
                // C = A B, float32, 1024^3: torch.mm(a, b)
                workload("sgemm-1024", 2.0 * GEMM * GEMM * GEMM, threads -> {
                    float[] a = random(GEMM * GEMM, SEED);
                    float[] b = random(GEMM * GEMM, SEED + 1);
                    float[] c = new float[GEMM * GEMM];
                    return () -> Sgemm.gemm(false, false, GEMM, GEMM, GEMM, a, 0, GEMM, b, 0, GEMM, 0f, c, 0, GEMM, threads);
                }));
    }

    /** {@code size} floats uniform in [-1, 1). */
    static float[] random(int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }

    /** A workload from its id, flop count per run (0 when none) and input factory. */
    static Workload workload(String id, double flops, IntFunction<Runnable> prepare) {
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
