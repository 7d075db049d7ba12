package org.convkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.convkit.cli.bench.BenchResult;
import org.convkit.cli.bench.BenchRunner;
import org.convkit.cli.bench.Workload;
import org.convkit.cli.bench.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convkit bench}: times the standard workloads (listed in the README) in this JVM. */
@Command(name = "bench", description = {
        "Times the standard workloads (listed in the README).",
        "Inputs from a fixed seed, warm-up runs, then timed runs; reports median, min and max in",
        "milliseconds (and GFLOPS where the flop count is known).",
        "Timings on a shared machine are noisy: compare only with a peer run right before or after.",
        "",
        "Examples:",
        "  convkit bench --only sgemm-1024,conv2d-layer --threads 1",
        "  convkit bench --only mnist-lenet --data ../shared/data/mnist-10k --json",
        "  convkit bench --only mnist-lenet --data ../shared/data/mnist-10k --seed 3",
        "  convkit bench --only mnist-lenet --data ../shared/data/mnist-10k --augment-shift 0",
        "  /usr/bin/python3 cli/scripts/paired_peer.py sgemm-1024   (PyTorch and convkit in turn on one CPU)"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class BenchCommand implements Callable<Integer> {
    static final int MIN_RUNS = 5;

    private final Supplier<List<Workload>> workloads;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these workloads (comma separated ids).")
    List<String> only = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder for workloads that read one (mnist-lenet: an IDX folder with train-* and t10k-* files).")
    java.nio.file.Path data;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = {
            "Seed of mnist-lenet's initial weights and shuffles (default: ${DEFAULT-VALUE}); the other",
            "workloads' inputs are fixed."})
    long seed;

    @Option(names = "--augment-shift", paramLabel = "N", defaultValue = "" + Workloads.MNIST_SHIFT, description = {
            "mnist-lenet trains on images moved by up to N pixels per axis, drawn per image and batch",
            "(default: ${DEFAULT-VALUE}; 0 trains without augmentation, as mnist_torch.py)."})
    int augmentShift;

    @Option(names = "--json", description = "One JSON object per workload and line, instead of a table.")
    boolean json;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5", description = "Timed runs per workload, at least 5 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2", description = "Untimed warm-up runs, at least (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "1", description = {
            "The warm-up also lasts at least S seconds, up to 100 runs (default: ${DEFAULT-VALUE}):",
            "the JIT compiles code run once per call on each thread late."})
    double warmupSeconds;

    @Option(names = "--serve", description = {"Time one workload (--only ID) on request: after the warm-ups print 'ready',",
            "then for each line 'run' on standard input time one run and print its milliseconds.",
            "For a peer that alternates its runs with ours (cli/scripts/paired_peer.py)."})
    boolean serve;

    BenchCommand(Supplier<List<Workload>> workloads) {
        this.workloads = workloads;
    }

    @Override
    public Integer call() {
        if (runs < MIN_RUNS) {
            throw new BadInputException("--runs must be at least " + MIN_RUNS + " (a median of fewer runs is noise), got " + runs);
        }
        if (warmup < 0) {
            throw new BadInputException("--warmup must be >= 0, got " + warmup);
        }
        if (!(warmupSeconds >= 0 && warmupSeconds <= 3600)) {
            throw new BadInputException("--warmup-seconds must be between 0 and 3600, got " + warmupSeconds);
        }
        if (data != null && !java.nio.file.Files.isDirectory(data)) {
            throw new BadInputException("--data: " + data + " is not a folder");
        }
        if (augmentShift < 0) {
            throw new BadInputException("--augment-shift must be >= 0, got " + augmentShift);
        }
        List<Workload> selected = withData(select(workloads.get())).stream()
                .map(w -> w.withSeed(seed).withShift(augmentShift)).toList();
        BenchRunner runner = new BenchRunner(warmup, runs, (long) (warmupSeconds * 1e9), System::nanoTime);
        PrintWriter out = spec.commandLine().getOut();
        if (serve) {
            return serve(runner, selected, out);
        }
        if (!json && !selected.isEmpty()) {
            out.println(BenchResult.HEADER);
        }
        for (Workload w : selected) {
            BenchResult r = runner.measure(w, threads.threads(), data);
            out.println(json ? r.toJson() : r.toRow());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private Integer serve(BenchRunner runner, List<Workload> selected, PrintWriter out) {
        if (only.size() != 1 || selected.size() != 1) {
            throw new BadInputException("--serve times one workload: name it with --only ID");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            runner.serve(selected.get(0), threads.threads(), data, in, out);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--serve: standard input: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }

    /** Drops data workloads when no {@code --data} was given, refusing one that was asked for by name. */
    private List<Workload> withData(List<Workload> selected) {
        if (data != null) {
            return selected;
        }
        for (Workload w : selected) {
            if (w.needsData() && !only.isEmpty()) {
                throw new BadInputException(w.id() + " needs --data DIR (for example ../shared/data/mnist-10k)");
            }
        }
        return selected.stream().filter(w -> !w.needsData()).toList();
    }

    private List<Workload> select(List<Workload> all) {
        if (only.isEmpty()) {
            return all;
        }
        Set<String> known = new LinkedHashSet<>();
        all.forEach(w -> known.add(w.id()));
        List<String> unknown = only.stream().map(String::trim).filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("--only: unknown workload " + String.join(", ", unknown) + " (known: "
                    + (known.isEmpty() ? "none in this build" : String.join(", ", known)) + ")");
        }
        Set<String> wanted = new LinkedHashSet<>();
        only.forEach(id -> wanted.add(id.trim()));
        return all.stream().filter(w -> wanted.contains(w.id())).toList();
    }
}
