package org.convkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.Convolution;
import org.convkit.api.domain.Domains;
import org.convkit.cli.training.FileSummary;
import org.convkit.cli.training.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit info}: versions, the machine, the Vector API and the engines found. */
@Command(name = "info", description = {
        "Prints the machine and the engines found, or describes a data file.",
        "",
        "Without FILE: prints versions, cores, Vector API support and the engines",
        "found. With FILE: decodes it (any format found, see 'convkit plugins') and",
        "prints its format, shape, sample rate, channels (label, rate, unit, samples,",
        "min, max, mean), annotations, voxel size and the min, max and mean of its",
        "values.",
        "",
        "Examples:",
        "  convkit info",
        "  convkit info night1.edf",
        "  convkit info scan.nii.gz --json"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A data file to describe.")
    Path file;

    @Option(names = "--json", description = "With FILE: print the description as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (file != null) {
            ObjectNode summary = FileSummary.of(Domains.read(file));
            out.println(json ? Json.text(summary) : FileInfoText.of(file, summary));
            out.flush();
            return ExitCodes.OK;
        }
        if (json) {
            throw new BadInputException("--json needs a FILE");
        }
        out.println("convkit     " + VersionProvider.version());
        out.println("java        " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        out.println("os          " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.println("cores       " + Runtime.getRuntime().availableProcessors());
        out.println("vector api  " + vectorApi());
        out.println("engines     " + Convolution.engines().size());
        for (ConvEngine e : Convolution.engines()) {
            out.println("  " + PluginsCommand.describe(e));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Whether jdk.incubator.vector is resolved, and its preferred vector shape. */
    static String vectorApi() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "absent (run java with --add-modules=jdk.incubator.vector)";
        }
        try {
            Object shape = Class.forName("jdk.incubator.vector.VectorShape").getMethod("preferredShape").invoke(null);
            return "present (preferred shape " + shape + ")";
        } catch (ReflectiveOperationException | LinkageError e) {
            return "present";
        }
    }
}
