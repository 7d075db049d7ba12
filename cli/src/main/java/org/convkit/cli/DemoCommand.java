package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.cli.training.Demo;
import org.convkit.cli.training.Scoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit demo}: the whole story on seeded synthetic data, for any domain. */
@Command(name = "demo", sortOptions = false, description = {
        "Runs a domain end to end on synthetic data: train, score, plots.",
        "",
        "Runs a domain end to end on seeded synthetic data in under a minute: writes",
        "example files, smooths one recording with a moving average (window 10) and the",
        "domain's band-pass (1-d domains), trains the domain's default network with",
        "Adam, scores it on a held-out test set from another seed, prints the accuracy",
        "and confusion matrix, and writes the plots, the example files and the model",
        "into a folder it names. 'demo image' uses a bundled subset of MNIST.",
        "",
        "Examples:",
        "  convkit demo",
        "  convkit demo image --out digits-demo",
        "  convkit demo ct --seed 7 --threads 2"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DOMAIN", defaultValue = "eeg",
            description = "The domain (default: ${DEFAULT-VALUE}; see 'convkit plugins').")
    String domain;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder for plots, files and model (default: convkit-demo-DOMAIN).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of data, initialisation and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: chosen by the domain's rank).")
    Integer epochs;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--quiet", description = "No progress bars or per-epoch lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Domain d = Domains.named(domain);
        Path dir = out != null ? out : Path.of("convkit-demo-" + d.name());
        Demo.Size size = Demo.Size.forDomain(d);
        if (epochs != null) {
            size = size.withEpochs(epochs);
        }
        PrintWriter o = spec.commandLine().getOut();
        long start = System.nanoTime();
        o.printf(Locale.ROOT, "convkit demo %s: %s (%d-d, %s), seed %d%n", d.name(), d.description(), d.rank(),
                d.multiChannel() ? "many channels" : "one channel", seed);
        int[] step = {0};
        Demo.Result r = Demo.run(d, dir, size, seed, threads.threads(), VersionProvider.version(),
                EpochLines.choose(quiet, false, o, size.batch(), size.epochs()), line -> {
                    o.println(++step[0] + ". " + line);
                    o.flush();
                });
        int classes = r.test().classNames().size();
        o.printf(Locale.ROOT, "%d. held-out test accuracy %.3f on %d samples (chance %.3f)%n%n", ++step[0],
                r.test().accuracy(), r.test().samples(), 1.0 / classes);
        o.print(Scoring.confusionTable(r.test()));
        o.println();
        o.println("model: " + r.model());
        for (Path p : r.plots()) {
            o.println("plot:  " + p);
        }
        o.printf(Locale.ROOT, "done in %.1f s; plots, files and model are in %s%n", (System.nanoTime() - start) / 1e9,
                dir);
        o.flush();
        return ExitCodes.OK;
    }
}
