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

    /**
     * Times {@code w} on request, for a peer that alternates its own runs with ours on the same
     * CPU (the fairest comparison on a host whose cores are shared): prepares and warms up as
     * {@link #measure} does, writes {@code ready}, then for each line {@code run} read from
     * {@code in} times one run and writes its milliseconds. Returns the number of runs at the end
     * of the input.
     *
     * @throws IllegalArgumentException for a line other than {@code run} (blank lines are skipped)
     */
    public int serve(Workload w, int threads, java.nio.file.Path data, java.io.BufferedReader in,
                     java.io.PrintWriter out) throws java.io.IOException {
        Runnable action = w.prepare(threads, data);
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        out.println("ready");
        out.flush();
        int served = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.strip().equals("run")) {
                throw new IllegalArgumentException("expected the line 'run', got '" + line.strip() + "'");
            }
            long t0 = System.nanoTime();
            action.run();
            out.println(String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - t0) / 1e6));
            out.flush();
            served++;
        }
        return served;
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
