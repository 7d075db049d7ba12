package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.transfer.Features;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit features}: a layer's activations for a folder of inputs, one row per input. */
@Command(name = "features", description = {
        "Writes the activations of a layer for every input of DATA, flattened, one row per input.",
        "DATA is a folder of .npy inputs [C, ...] (taken in file-name order) or an MNIST-style IDX folder.",
        "The model's normalisation is applied first. OUTPUT is .npy (float32 [N, F]) or .csv, written atomically.",
        "",
        "Examples:",
        "  convkit features --model digits.ckpt --layer linear8 mnist/ --part test -o fc7.npy",
        "  convkit features --model eeg.ckpt --layer gap10 windows/ -o features.csv"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "The model file (.ckpt).")
    Path model;

    @Option(names = {"-l", "--layer"}, required = true, paramLabel = "LAYER", description = "The layer whose output to write.")
    String layer;

    @Parameters(index = "0", paramLabel = "DATA", description = "A folder of .npy inputs, or an IDX folder.")
    Path data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Where to write (.npy or .csv).")
    Path output;

    @Option(names = "--part", paramLabel = "train|test", defaultValue = "train",
            description = "Which part of an IDX folder (default: ${DEFAULT-VALUE}).")
    String part;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Inputs per pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws IOException {
        String name = String.valueOf(output.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npy") && !name.endsWith(".csv")) {
            throw new BadInputException(output + ": features are written as .npy or .csv");
        }
        if (batch < 1) {
            throw new BadInputException("--batch must be at least 1, got " + batch);
        }
        ModelInputs.part(part);
        LoadedModel loaded = ModelFile.load(model);
        if (!loaded.model().layerNames().contains(layer)) {
            throw new BadInputException(model + ": no layer '" + layer + "'; layers are " + loaded.model().layerNames());
        }
        FloatNd x = ModelInputs.folder(data, part, loaded);
        if (loaded.metadata().normalisation() != null) {
            x = loaded.metadata().normalisation().apply(x);
        }
        FloatNd f = Features.extract(loaded.model(), layer, x, batch, threads.threads());
        Features.write(output, f);
        spec.commandLine().getOut().println(f.shape().dim(0) + " inputs x " + f.shape().dim(1) + " features of layer '"
                + layer + "' written to " + output);
        return ExitCodes.OK;
    }
}
