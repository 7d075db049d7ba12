package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit convert}: reads a file in any format found and writes it in the format OUT's name selects. */
@Command(name = "convert", description = {
        "Converts a data file to the format OUT's extension names.",
        "",
        "Converts a data file between formats: IN is decoded by whichever format",
        "recognises it, OUT is written (atomically) by the writable format its",
        "extension names, keeping the metadata that format can hold. 'convkit plugins'",
        "lists the formats and which ones write.",
        "",
        "Examples:",
        "  convkit convert night1.edf night1.npy",
        "  convkit convert scan.nii.gz scan.npy",
        "  convkit convert speech.wav speech.npy"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "IN", description = "The file to read.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write; its extension picks the format.")
    Path output;

    @Override
    public Integer call() throws IOException {
        FileFormat writer = Domains.writerFor(output, Domains.formats());
        DataFile in = Domains.read(input);
        try {
            writer.write(in.withFormat(writer.name()), output);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new BadInputException(output + ": " + writer.name() + " cannot hold " + input.getFileName() + " ("
                    + in.format() + ", shape " + in.data().shape() + "): " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(input + " (" + in.format() + ", " + in.data().shape() + ") -> " + output + " (" + writer.name() + ")");
        out.flush();
        return ExitCodes.OK;
    }
}
