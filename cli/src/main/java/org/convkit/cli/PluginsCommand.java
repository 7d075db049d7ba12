package org.convkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.Convolution;
import org.convkit.api.ndimage.FilterEngine;
import org.convkit.api.ndimage.NdImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code convkit plugins}: what {@link java.util.ServiceLoader} found. */
@Command(name = "plugins", description = {"Lists the plugins found: convolution and ndimage filter engines (later, data domains)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("conv engines (" + Convolution.engines().size() + "):");
        for (ConvEngine e : Convolution.engines()) {
            out.println("  " + describe(e));
        }
        out.println("ndimage filter engines (" + NdImage.engines().size() + "):");
        for (FilterEngine e : NdImage.engines()) {
            out.println(String.format("  %-20s %s", e.name(), e.getClass().getName()));
        }
        out.println("domains: none in this build");
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code name  method  class}. */
    static String describe(ConvEngine e) {
        return String.format("%-20s %-12s %s", e.name(), e.method().name().toLowerCase(java.util.Locale.ROOT),
                e.getClass().getName());
    }
}
