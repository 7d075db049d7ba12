package org.convkit.cli.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Locale;

/**
 * The timings of one workload, in milliseconds.
 *
 * @param flops   floating-point operations of one run, 0 when unknown
 * @param samples samples processed by one run, 0 when not a per-sample workload
 * @param accuracy test accuracy reached (0 to 1), NaN when the workload has none
 */
public record BenchResult(String id, double medianMs, double minMs, double maxMs, int runs, int threads,
                          double flops, long samples, double accuracy) {

    /** A result without an accuracy. */
    public BenchResult(String id, double medianMs, double minMs, double maxMs, int runs, int threads,
                       double flops, long samples) {
        this(id, medianMs, minMs, maxMs, runs, threads, flops, samples, Double.NaN);
    }

    /** Achieved GFLOPS at the median time, or 0 when the flop count is unknown. */
    public double gflops() {
        return flops > 0 ? flops / (medianMs * 1e6) : 0;
    }

    /** Samples per second at the median time, or 0. */
    public double samplesPerSecond() {
        return samples > 0 ? samples / (medianMs / 1e3) : 0;
    }

    /**
     * One JSON object: {@code {"id": "...", "median_ms": ..., "min_ms": ..., "max_ms": ..., "runs": N,
     * "threads": T}} plus {@code "gflops"}, {@code "samples_per_s"} and {@code "accuracy"} when known.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"id\": \"")
                .append(JsonStringEncoder.getInstance().quoteAsString(id)).append('"')
                .append(String.format(Locale.ROOT, ", \"median_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f", medianMs, minMs, maxMs))
                .append(", \"runs\": ").append(runs).append(", \"threads\": ").append(threads);
        if (flops > 0) {
            sb.append(String.format(Locale.ROOT, ", \"gflops\": %.3f", gflops()));
        }
        if (samples > 0) {
            sb.append(String.format(Locale.ROOT, ", \"samples_per_s\": %.1f", samplesPerSecond()));
        }
        if (!Double.isNaN(accuracy)) {
            sb.append(String.format(Locale.ROOT, ", \"accuracy\": %.4f", accuracy));
        }
        return sb.append('}').toString();
    }
}
