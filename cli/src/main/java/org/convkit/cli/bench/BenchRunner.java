package org.convkit.cli.bench;

import java.util.Arrays;

/**
 * Times a {@link Workload} in this JVM: prepares the inputs (not timed), runs {@code warmups}
 * untimed iterations so the JIT compiles the hot code, then {@code runs} timed ones with
 * {@link System#nanoTime()}; reports median, minimum and maximum. A rough harness for comparing
 * with peers in the same run, not a replacement for JMH.
 */
public final class BenchRunner {
    private final int warmups;
    private final int runs;

    public BenchRunner(int warmups, int runs) {
        if (warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + " and " + runs);
        }
        this.warmups = warmups;
        this.runs = runs;
    }

    public BenchResult measure(Workload w, int threads) {
        return measure(w, threads, null);
    }

    /** As {@link #measure(Workload, int)}, giving {@code data} to a workload that reads a data folder. */
    public BenchResult measure(Workload w, int threads, java.nio.file.Path data) {
        Runnable action = w.prepare(threads, data);
        int warmups = w.once() ? 0 : this.warmups;
        int runs = w.once() ? 1 : this.runs;
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        return new BenchResult(w.id(), median, ms[0], ms[runs - 1], runs, threads, w.flops(), w.samples(), w.accuracy());
    }
}
