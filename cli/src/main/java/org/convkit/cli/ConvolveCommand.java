package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.NdArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convkit convolve}: scipy.signal.convolve / correlate of an array file with a kernel. */
@Command(name = "convolve", description = {
        "Convolves (or correlates) an array file with a kernel.",
        "Matches scipy.signal.convolve / correlate.",
        "INPUT and OUTPUT are .npy or .csv files; the output has the input's precision and is written atomically.",
        "",
        "Examples:",
        "  convkit convolve signal.npy --kernel 1,2,1 --mode same -o smooth.npy",
        "  convkit convolve image.npy --kernel sobel-x --mode same --correlate -o edges.npy"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class ConvolveCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The input array (.npy or .csv).")
    Path input;

    @Option(names = {"-k", "--kernel"}, required = true, paramLabel = "LIST|NAME",
            description = "A kernel: 1,2,1 (1-d), 1,2,1;0,0,0;-1,-2,-1 (2-d, rows split by ';'), or a kernel name.")
    String kernel;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Where to write the result (.npy or .csv).")
    Path output;

    @Option(names = "--mode", paramLabel = "valid|same|full", defaultValue = "full", converter = ModeConverter.class,
            description = "Output size (default: ${DEFAULT-VALUE}, as scipy).")
    ConvMode mode;

    @Option(names = "--method", paramLabel = "auto|direct|fft|oa", defaultValue = "auto", converter = MethodConverter.class,
            description = "Algorithm (default: ${DEFAULT-VALUE}: the engines' cost models choose).")
    ConvMethod method;

    @Option(names = "--correlate", description = "Cross-correlate (no kernel flip) instead of convolving.")
    boolean correlate;

    @Override
    public Integer call() throws IOException {
        ArrayFiles.checkExtension(input);
        ArrayFiles.checkExtension(output);
        NdArray k = KernelArgument.parse(kernel);
        NdArray x = ArrayFiles.read(input);
        ArrayFiles.checkCanHold(output, x.shape());
        ConvSpec spec = correlate ? ConvSpec.correlate(mode) : ConvSpec.convolve(mode);
        NdArray y;
        try {
            y = Convolution.apply(x, k, spec, new ConvContext(method, threads.threads()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
        ArrayFiles.write(output, y);
        return ExitCodes.OK;
    }

    /** Parses {@code --mode} with {@link ConvMode#parse}. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<ConvMode> {
        @Override
        public ConvMode convert(String value) {
            return ConvMode.parse(value);
        }
    }

    /** Parses {@code --method} with {@link ConvMethod#parse}. */
    static final class MethodConverter implements picocli.CommandLine.ITypeConverter<ConvMethod> {
        @Override
        public ConvMethod convert(String value) {
            return ConvMethod.parse(value);
        }
    }
}
