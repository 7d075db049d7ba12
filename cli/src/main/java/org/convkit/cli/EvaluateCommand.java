package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.domain.Domain;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.train.Evaluation;
import org.convkit.cli.plot.ConfusionPlot;
import org.convkit.cli.training.Json;
import org.convkit.cli.training.Scoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convkit evaluate}: scores a model file on labelled data. */
@Command(name = "evaluate", sortOptions = false, description = {
        "Scores a model on labelled data.",
        "",
        "Scores a model on labelled data: accuracy, per-class precision, recall and F1,",
        "and the confusion matrix (rows: true class, columns: predicted). The data is",
        "read as training read it: through the domain the model file records (or",
        "--domain), with its preprocessing.",
        "",
        "Examples:",
        "  convkit evaluate --model eeg.ckpt --data held-out/",
        "  convkit evaluate --model digits.ckpt --data mnist/ --json",
        "  convkit evaluate --model eeg.ckpt --data held-out/ --plot confusion.png"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Labelled data, laid out as for train.")
    Path data;

    @Option(names = "--domain", paramLabel = "D", description = "The data domain (default: the one the model records).")
    String domain;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Samples per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print {\"accuracy\": ..., \"perClass\": ..., \"confusion\": ...}.")
    boolean json;

    @Option(names = "--plot", paramLabel = "OUT.png", description = "Also draw the confusion matrix.")
    Path plot;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new BadInputException("--batch must be at least 1, got " + batch);
        }
        LoadedModel loaded = ModelFile.load(model);
        Domain d = ModelDomains.choose(domain, loaded, model, true);
        Evaluation e;
        try {
            e = Scoring.evaluate(loaded, d.dataset(data), batch, threads.threads());
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(data + ": " + ex.getMessage(), ex);
        }
        if (plot != null) {
            ConfusionPlot.write(plot, e.confusion(), e.classNames(), "Confusion matrix: " + data.getFileName());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.text(Json.evaluation(e)));
        } else {
            out.printf(Locale.ROOT, "%s on %s (%s): %d samples%n", model.getFileName(), data, d.name(), e.samples());
            out.printf(Locale.ROOT, "accuracy  %.4f%n", e.accuracy());
            out.printf(Locale.ROOT, "macro F1  %.4f%n%n", e.macroF1());
            out.print(Scoring.perClassTable(e));
            out.println();
            out.print(Scoring.confusionTable(e));
            if (plot != null) {
                out.println();
                out.println("plot      " + plot);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
