package org.convkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.Convolution;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.ndimage.FilterEngine;
import org.convkit.api.ndimage.NdImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code convkit plugins}: what {@link java.util.ServiceLoader} found. */
@Command(name = "plugins", description = {
        "Lists the data domains, their file formats and the engines found.",
        "",
        "Lists the plugins found: data domains (name, rank, channels, formats with",
        "their extensions and whether convkit reads (r) and writes (w) them),",
        "convolution engines and ndimage filter engines.",
        "",
        "Example:",
        "  convkit plugins"},
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
        List<Domain> domains = Domains.all();
        out.println("domains (" + domains.size() + "):");
        for (Domain d : domains) {
            out.println(String.format("  %-12s %dd  %-14s %s", d.name(), d.rank(),
                    d.multiChannel() ? "many channels" : "one channel", d.description()));
            for (FileFormat f : d.formats()) {
                out.println("      " + describe(f));
            }
        }
        out.println("conv engines (" + Convolution.engines().size() + "):");
        for (ConvEngine e : Convolution.engines()) {
            out.println("  " + describe(e));
        }
        out.println("ndimage filter engines (" + NdImage.engines().size() + "):");
        for (FilterEngine e : NdImage.engines()) {
            out.println(String.format("  %-20s %s", e.name(), e.getClass().getName()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code name  r/w  .ext .ext}. */
    static String describe(FileFormat f) {
        return String.format("%-12s %-3s %s", f.name(), f.canWrite() ? "rw" : "r",
                String.join(" ", f.extensions().stream().map(e -> "." + e).toList()));
    }

    /** {@code name  method  class}. */
    static String describe(ConvEngine e) {
        return String.format("%-20s %-12s %s", e.name(), e.method().name().toLowerCase(java.util.Locale.ROOT),
                e.getClass().getName());
    }
}
