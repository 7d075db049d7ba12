package org.convkit.cli.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The timings of one workload, in milliseconds.
 *
 * @param flops   floating-point operations of one run, 0 when unknown
 * @param samples samples processed by one run, 0 when not a per-sample workload
 * @param accuracy test accuracy reached (0 to 1), NaN when the workload has none
 * @param settings the workload's {@link Workload#settings()}, in their order
 */
public record BenchResult(String id, double medianMs, double minMs, double maxMs, int runs, int threads,
                          double flops, long samples, double accuracy, Map<String, Long> settings) {

    /** The header of the table {@link #toRow()} writes. */
    public static final String HEADER = String.format(Locale.ROOT, "%-16s %10s %10s %10s %5s %7s %8s %10s", "id",
            "median ms", "min ms", "max ms", "runs", "threads", "GFLOPS", "samples/s");

    public BenchResult {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A result without an accuracy or settings. */
    public BenchResult(String id, double medianMs, double minMs, double maxMs, int runs, int threads,
                       double flops, long samples) {
        this(id, medianMs, minMs, maxMs, runs, threads, flops, samples, Double.NaN, Map.of());
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
     * "threads": T}} plus {@code "gflops"}, {@code "samples_per_s"} and {@code "accuracy"} when known,
     * then the settings (e.g. {@code "seed": 0, "augment_shift": 1}).
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
        settings.forEach((name, value) -> sb.append(", \"")
                .append(JsonStringEncoder.getInstance().quoteAsString(name)).append("\": ").append(value));
        return sb.append('}').toString();
    }

    /**
     * One row of the table under {@link #HEADER}: "-" for an unknown GFLOPS or rate, then the
     * accuracy and the settings when there are any ({@code "  accuracy 0.9790  (seed 0, augment_shift 1)"}).
     */
    public String toRow() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %10.3f %10.3f %10.3f %5d %7d %8s %10s", id,
                medianMs, minMs, maxMs, runs, threads,
                flops > 0 ? String.format(Locale.ROOT, "%.2f", gflops()) : "-",
                samples > 0 ? String.format(Locale.ROOT, "%.1f", samplesPerSecond()) : "-"));
        if (!Double.isNaN(accuracy)) {
            sb.append(String.format(Locale.ROOT, "  accuracy %.4f", accuracy));
        }
        if (!settings.isEmpty()) {
            sb.append(settings.entrySet().stream().map(setting -> setting.getKey() + " " + setting.getValue())
                    .collect(Collectors.joining(", ", "  (", ")")));
        }
        return sb.toString();
    }
}
