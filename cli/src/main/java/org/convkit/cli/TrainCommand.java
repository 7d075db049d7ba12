package org.convkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.EpochReport;
import org.convkit.cli.plot.ConfusionPlot;
import org.convkit.cli.plot.TrainingCurves;
import org.convkit.cli.training.Json;
import org.convkit.cli.training.RecordedPreprocessing;
import org.convkit.cli.training.Scoring;
import org.convkit.cli.training.TrainingPlan;
import org.convkit.cli.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convkit train}: trains a classifier on a folder of a domain's files and writes a model file. */
@Command(name = "train", sortOptions = false, description = {
        "Trains a classifier on labelled files of a data domain.",
        "",
        "Trains a network on labelled files of a data domain and writes a model file",
        "that records the classes, the input shape, the domain and its preprocessing,",
        "so evaluate and predict take raw files. DATA is a folder per class",
        "(DATA/<class>/<file>), a CSV manifest (path,label), or a layout the domain",
        "knows (IDX pairs for --domain image). A checkpoint is rewritten after every",
        "epoch (MODEL.partial); --resume continues one, ending with the same weights as",
        "an uninterrupted run.",
        "",
        "Examples:",
        "  convkit train --domain eeg --data recordings/ -o eeg.ckpt",
        "  convkit train --domain image --data mnist/ --epochs 5 -o mnist.ckpt --plots p",
        "  convkit train --domain eeg --data eeg/ --epochs 30 -o eeg.ckpt \\",
        "      --resume eeg.ckpt.partial",
        "  convkit train --domain audio --data clips/ --early-stop 3 --json -o a.ckpt"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--domain", required = true, paramLabel = "D", description = "The data domain (see 'convkit plugins').")
    String domain;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "The labelled data: a folder per class, a manifest, or the domain's layout.")
    Path data;

    @Option(names = "--arch", paramLabel = "SPEC|NAME", defaultValue = "default",
            description = "The network: 'default' (the domain's), a zoo name or the architecture notation (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "sgd, adam or adamw (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of initialisation, split and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--val-split", paramLabel = "F", defaultValue = "0.2", description = "Share held out for validation, stratified (default: ${DEFAULT-VALUE}).")
    double valSplit;

    @Option(names = "--early-stop", paramLabel = "N", description = "Stop after N epochs without a better validation loss; keep the best weights.")
    Integer earlyStop;

    @Option(names = "--augment-shift", paramLabel = "N", defaultValue = "0", description = {
            "Move each training sample by up to N positions per spatial axis (pixels, samples of time),",
            "drawn per sample and batch from the seed; give the same N to --resume (default: ${DEFAULT-VALUE})."})
    int augmentShift;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL", description = "The model file to write (.ckpt).")
    Path output;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue the run that wrote this checkpoint (same seed and batch).")
    Path resume;

    @Option(names = "--from", paramLabel = "MODEL", description = "Start from this model's weights (transfer learning).")
    Path from;

    @Option(names = "--freeze-until", paramLabel = "LAYER", description = "With --from (or --resume of such a run): keep the layers up to LAYER fixed.")
    String freezeUntil;

    @Option(names = "--json", description = "Print a machine-readable summary instead of text.")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write training-curves.png and validation-confusion.png into DIR.")
    Path plots;

    @Option(names = "--quiet", description = "No progress bars or per-epoch lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        TrainingPlan plan = new TrainingPlan(arch, epochs, batch, lr, optimizer, seed, threads.threads(), valSplit,
                earlyStop, resume, from, freezeUntil, augmentShift);
        Domain d = Domains.named(domain);
        Dataset dataset = d.dataset(data);
        PrintWriter out = spec.commandLine().getOut();
        TrainingRun.Outcome o = TrainingRun.run(d, dataset, plan, output, RecordedPreprocessing.forData(d, data),
                data.toString(), VersionProvider.version(), EpochLines.choose(quiet, json, out, batch, epochs));
        String curves = null;
        String confusion = null;
        if (plots != null) {
            Files.createDirectories(plots);
            curves = plots.resolve("training-curves.png").toString();
            TrainingCurves.write(Path.of(curves), o.result().history());
            if (o.scores() != null) {
                confusion = plots.resolve("validation-confusion.png").toString();
                ConfusionPlot.write(Path.of(confusion), o.scores().confusion(), o.scores().classNames(),
                        "Confusion matrix (validation set)");
            }
        }
        if (json) {
            out.println(Json.text(summaryJson(d, dataset, o, curves, confusion)));
        } else {
            printSummary(out, d, dataset, o, curves, confusion);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ObjectNode summaryJson(Domain d, Dataset dataset, TrainingRun.Outcome o, String curves, String confusion) {
        ObjectNode j = Json.object();
        j.put("model", output.toString());
        j.put("checkpoint", o.checkpoint().toString());
        j.put("domain", d.name());
        j.put("arch", arch);
        var classes = j.putArray("classNames");
        dataset.classNames().forEach(classes::add);
        var shape = j.putArray("inputShape");
        for (int v : o.metadata().inputShape()) {
            shape.add(v);
        }
        j.put("samples", dataset.size());
        j.put("trainSamples", o.train());
        j.put("validationSamples", o.validation().size());
        j.put("epochs", o.result().history().size());
        j.put("bestEpoch", o.result().bestEpoch());
        j.put("stoppedEarly", o.result().stoppedEarly());
        EpochReport last = o.result().last();
        Json.put(j, "trainLoss", last.trainLoss());
        Json.put(j, "trainAccuracy", last.trainAccuracy());
        if (o.scores() != null) {
            j.set("validation", Json.evaluation(o.scores()));
        } else {
            j.putNull("validation");
        }
        j.set("history", Json.history(o.result().history()));
        Json.put(j, "seconds", o.seconds());
        var p = j.putObject("plots");
        if (curves != null) {
            p.put("trainingCurves", curves);
        }
        if (confusion != null) {
            p.put("confusion", confusion);
        }
        return j;
    }

    private void printSummary(PrintWriter out, Domain d, Dataset dataset, TrainingRun.Outcome o, String curves,
            String confusion) {
        EpochReport best = o.result().best();
        out.printf(Locale.ROOT, "trained %s (%s) on %d samples of %s, %d held out for validation: %d epochs in %.1f s%s%n",
                d.name(), arch, o.train(), dataset.sampleShape(), o.validation().size(), o.result().history().size(),
                o.seconds(), o.result().stoppedEarly() ? " (stopped early)" : "");
        out.printf(Locale.ROOT, "best epoch  %d (%s %.4f)%n", best.epoch(), o.result().monitored().id(),
                o.result().bestValue());
        out.printf(Locale.ROOT, "training    loss %.4f, accuracy %.3f%n", o.result().last().trainLoss(),
                o.result().last().trainAccuracy());
        if (o.scores() != null) {
            out.printf(Locale.ROOT, "validation  loss %.4f, accuracy %.3f%n", o.scores().loss(), o.scores().accuracy());
            out.println();
            out.print(Scoring.confusionTable(o.scores()));
            out.println();
        }
        out.println("model       " + output);
        out.println("checkpoint  " + o.checkpoint());
        if (curves != null) {
            out.println("plots       " + curves + (confusion == null ? "" : ", " + confusion));
        }
    }
}
