package org.convkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.Convolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code convkit info}: versions, the machine, the Vector API and the engines found. */
@Command(name = "info", description = {"Prints versions, cores, Vector API support and the engines found."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
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
