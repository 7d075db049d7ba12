package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.domain.Domain;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.cli.training.Json;
import org.convkit.cli.training.Prediction;
import org.convkit.cli.training.Prediction.FilePrediction;
import org.convkit.cli.training.Segmentation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit predict}: class probabilities for raw files. */
@Command(name = "predict", sortOptions = false, description = {
        "Predicts the class of raw files with a model.",
        "",
        "Predicts the class of each file, with the probability of every class. A file",
        "that yields several samples (windows of a long recording, patches of a volume)",
        "gets one prediction per sample and a file-level one (the mean probabilities).",
        "Files are read and preprocessed as in training, through the domain the model",
        "file records (or --domain), so raw files go in. A segmentation model (outputs",
        "[classes, spatial...]) labels every position: --label-maps DIR gets one label map per file.",
        "",
        "Examples:",
        "  convkit predict --model eeg.ckpt night1.edf night2.edf",
        "  convkit predict --model digits.ckpt digit.png --json",
        "  convkit predict --model eeg.ckpt recordings/*.edf --csv -o predictions.csv",
        "  convkit predict --model unet.ckpt scan.nii.gz --label-maps labels/ --json"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to classify.")
    List<Path> files;

    @Option(names = "--domain", paramLabel = "D", description = "The data domain (default: the one the model records).")
    String domain;

    static final class Format {
        @Option(names = "--json", description = "JSON: one object per file, with its samples.")
        boolean json;

        @Option(names = "--csv", description = "CSV: file,sample,class,p_<class>... (sample -1: the file's mean).")
        boolean csv;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the predictions to OUT (atomically) instead of the terminal.")
    Path output;

    @Option(names = "--label-maps", paramLabel = "DIR",
            description = "For segmentation models (outputs [classes, spatial...]): write each file's label map, "
                    + "DIR/<file>.labels.npy ([samples, spatial...] class indices).")
    Path labelMaps;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Samples per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new BadInputException("--batch must be at least 1, got " + batch);
        }
        LoadedModel loaded = ModelFile.load(model);
        Domain d = ModelDomains.choose(domain, loaded, model, false);
        if (Segmentation.labelsPositions(loaded)) {
            return segment(loaded, d);
        }
        List<FilePrediction> predictions = Prediction.predict(loaded, d, files, batch, threads.threads());
        PrintWriter err = spec.commandLine().getErr();
        for (FilePrediction p : predictions) {
            if (p.note() != null) {
                err.println("convkit predict: note: " + p.file() + ": " + p.note());
            }
        }
        err.flush();
        List<String> classes = loaded.metadata().classNames();
        String text = format.json ? json(predictions, classes) : format.csv ? csv(predictions, classes)
                : table(predictions, classes);
        emit(text);
        return ExitCodes.OK;
    }

    private void emit(String text) throws IOException {
        if (output != null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(output, o -> o.write(bytes));
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }

    private int segment(LoadedModel loaded, Domain d) throws IOException {
        if (labelMaps == null) {
            throw new BadInputException(model + " labels every position (a segmentation model): pass --label-maps DIR");
        }
        if (format.csv) {
            throw new BadInputException("--csv is for classifiers; a segmentation model writes label maps (use --json)");
        }
        List<String> classes = loaded.metadata().classNames();
        List<Segmentation.FileLabels> labels = Segmentation.predict(loaded, d, files, batch, threads.threads(), labelMaps);
        var root = Json.object();
        root.put("model", model.toString());
        var array = root.putArray("files");
        StringWriter w = new StringWriter();
        PrintWriter table = new PrintWriter(w);
        for (Segmentation.FileLabels l : labels) {
            var f = array.addObject();
            f.put("file", l.file().toString());
            f.put("labelMap", l.labelMap().toString());
            var shape = f.putArray("shape");
            for (int a = 0; a < l.shape().rank(); a++) {
                shape.add(l.shape().dim(a));
            }
            probabilities(f.putObject("fractions"), l.fractions(), classes);
            table.printf(Locale.ROOT, "%s: %s %s  %s%n", l.file(), l.labelMap(), l.shape(), spread(l.fractions(), classes));
        }
        table.flush();
        String text = format.json ? Json.text(root) + System.lineSeparator() : w.toString();
        emit(text);
        return ExitCodes.OK;
    }

    private String json(List<FilePrediction> predictions, List<String> classes) {
        var root = Json.object();
        root.put("model", model.toString());
        var array = root.putArray("files");
        for (FilePrediction p : predictions) {
            var f = array.addObject();
            f.put("file", p.file().toString());
            double[] mean = p.mean();
            f.put("class", classes.get(Prediction.argmax(mean)));
            probabilities(f.putObject("probabilities"), mean, classes);
            var samples = f.putArray("samples");
            for (int i = 0; i < p.probabilities().length; i++) {
                var s = samples.addObject();
                s.put("sample", i);
                s.put("class", classes.get(Prediction.argmax(p.probabilities()[i])));
                probabilities(s.putObject("probabilities"), p.probabilities()[i], classes);
            }
        }
        return Json.text(root) + System.lineSeparator();
    }

    private static void probabilities(com.fasterxml.jackson.databind.node.ObjectNode o, double[] p, List<String> classes) {
        for (int c = 0; c < classes.size(); c++) {
            o.put(classes.get(c), p[c]);
        }
    }

    private static String csv(List<FilePrediction> predictions, List<String> classes) {
        StringBuilder b = new StringBuilder("file,sample,class");
        classes.forEach(c -> b.append(",p_").append(c));
        b.append('\n');
        for (FilePrediction p : predictions) {
            row(b, p.file(), -1, p.mean(), classes);
            if (p.probabilities().length > 1) {
                for (int i = 0; i < p.probabilities().length; i++) {
                    row(b, p.file(), i, p.probabilities()[i], classes);
                }
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Path file, int sample, double[] p, List<String> classes) {
        b.append(quote(file.toString())).append(',').append(sample).append(',')
                .append(quote(classes.get(Prediction.argmax(p))));
        for (double v : p) {
            b.append(',').append(String.format(Locale.ROOT, "%.6f", v));
        }
        b.append('\n');
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String table(List<FilePrediction> predictions, List<String> classes) {
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        for (FilePrediction p : predictions) {
            double[] mean = p.mean();
            int best = Prediction.argmax(mean);
            out.printf(Locale.ROOT, "%s: %s (p=%.3f)  %s%n", p.file(), classes.get(best), mean[best],
                    spread(mean, classes));
            if (p.probabilities().length > 1) {
                for (int i = 0; i < p.probabilities().length; i++) {
                    double[] q = p.probabilities()[i];
                    int k = Prediction.argmax(q);
                    out.printf(Locale.ROOT, "  sample %d: %s (p=%.3f)  %s%n", i, classes.get(k), q[k], spread(q, classes));
                }
            }
        }
        out.flush();
        return w.toString();
    }

    private static String spread(double[] p, List<String> classes) {
        StringBuilder b = new StringBuilder("[");
        for (int c = 0; c < p.length; c++) {
            b.append(c == 0 ? "" : ", ").append(classes.get(c)).append(String.format(Locale.ROOT, " %.3f", p[c]));
        }
        return b.append(']').toString();
    }
}
