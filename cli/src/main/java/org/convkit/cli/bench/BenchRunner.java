package org.convkit.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Times a {@link Workload} in this JVM: prepares the inputs (not timed), runs untimed warm-up
 * iterations so the JIT compiles the hot code, then {@code runs} timed ones with
 * {@link System#nanoTime()}; reports median, minimum and maximum. The warm-up is at least
 * {@code warmups} runs and, for quick workloads, lasts at least {@code warmupNanos} (at most
 * {@value #MAX_WARMUPS} runs): code that runs once per call on each thread (a GEMM's blocking
 * loops on a pool worker) is compiled late. With two warm-ups, sgemm-1024 at two threads measured
 * a median of 36-39 ms where a second of warm-up gave 20-21 ms (before the GEMM's panel loop got
 * a method of its own, which shortened that phase). A rough harness for comparing with peers in
 * the same run, not a replacement for JMH.
 */
public final class BenchRunner {
    /** The most warm-up runs the time floor adds. */
    static final int MAX_WARMUPS = 100;

    private final int warmups;
    private final int runs;
    private final long warmupNanos;
    private final LongSupplier clock;

    /** {@code warmups} warm-up runs and no time floor. */
    public BenchRunner(int warmups, int runs) {
        this(warmups, runs, 0, System::nanoTime);
    }

    /**
     * At least {@code warmups} warm-up runs, continued while less than {@code warmupNanos} of
     * {@code clock} (nanoseconds) have passed since the first, up to {@value #MAX_WARMUPS} runs.
     */
    public BenchRunner(int warmups, int runs, long warmupNanos, LongSupplier clock) {
        if (warmups < 0 || runs < 1 || warmupNanos < 0) {
            throw new IllegalArgumentException("need warmups >= 0, runs >= 1 and a warm-up time >= 0, got " + warmups
                    + ", " + runs + " and " + warmupNanos + " ns");
        }
        this.warmups = warmups;
        this.runs = runs;
        this.warmupNanos = warmupNanos;
        this.clock = clock;
    }

    /** Runs {@code action} untimed: {@code warmups} times, then on while the time floor is not reached. */
    private void warmUp(Runnable action) {
        long start = clock.getAsLong();
        for (int done = 0; done < warmups || done < MAX_WARMUPS && clock.getAsLong() - start < warmupNanos; done++) {
            action.run();
        }
    }

    /** One timed run of {@code action}, in milliseconds. */
    private static double timeMs(Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e6;
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
    public int serve(Workload w, int threads, Path data, BufferedReader in, PrintWriter out) throws IOException {
        Runnable action = w.prepare(threads, data);
        warmUp(action);
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
            out.println(String.format(Locale.ROOT, "%.3f", timeMs(action)));
            out.flush();
            served++;
        }
        return served;
    }

    public BenchResult measure(Workload w, int threads) {
        return measure(w, threads, null);
    }

    /** As {@link #measure(Workload, int)}, giving {@code data} to a workload that reads a data folder. */
    public BenchResult measure(Workload w, int threads, Path data) {
        Runnable action = w.prepare(threads, data);
        int runs = w.once() ? 1 : this.runs;
        if (!w.once()) {
            warmUp(action);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = timeMs(action);
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        return new BenchResult(w.id(), median, ms[0], ms[runs - 1], runs, threads, w.flops(), w.samples(), w.accuracy(),
                w.settings());
    }
}
