package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.FilterChain;
import org.convkit.cli.plot.FilterPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit filter}: runs a chain of CCDE filters over a recording. */
@Command(name = "filter", description = {
        "Filters a recording along time with a chain of steps, in the order given.",
        "INPUT and OUTPUT are .npy (time on the last axis: (T) or (channels, T)) or .csv (time down the",
        "rows, one column per channel). Channels are filtered independently, in parallel.",
        "",
        "Examples:",
        "  convkit filter eeg.npy --fs 256 --moving-average 10 --bandpass 1 40 --notch 50 -o clean.npy",
        "  convkit filter eeg.csv --fs 256 --lowpass 30 --order 6 --zero-phase -o smooth.csv",
        "  convkit filter x.npy --ba \"0.5,0.5;1,-0.2\" -o y.npy",
        "  convkit filter eeg.npy --fs 256 --moving-average 10 --bandpass 1 40 -o clean.npy --plot clean.png"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class FilterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ThreadsOption threads;

    @Mixin
    FilterOptions filters;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The recording (.npy or .csv).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Where to write the result (.npy or .csv).")
    Path output;

    @Option(names = "--plot", paramLabel = "OUT.png",
            description = "Also draw the signal before and after (first channels) and the chain's |H(f)| and phase.")
    Path plot;

    @Override
    public Integer call() throws IOException {
        FilterChain chain = filters.chain(spec.commandLine().getParseResult().originalArgs());
        ArrayFiles.checkExtension(input);
        ArrayFiles.checkExtension(output);
        NdArray raw = ArrayFiles.read(input);
        DoubleNd x = timeLast(raw.toDouble(), ArrayFiles.isCsv(input));
        ArrayFiles.checkCanHold(output, raw.shape());
        DoubleNd y;
        try {
            y = chain.apply(x, ConvContext.defaults().withThreads(threads.threads()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
        ArrayFiles.write(output, NdArray.as(raw.dtype(), timeLast(y, ArrayFiles.isCsv(output))));
        if (plot != null) {
            FilterPlot.write(plot, "Filtered " + input.getFileName(), rows(x), rows(y),
                    filters.fs == null ? Double.NaN : filters.fs, List.of(), chain);
        }
        return ExitCodes.OK;
    }

    /** Time-last {@code (T)} or {@code (channels, T)} as rows; higher ranks fold their leading axes into channels. */
    private static double[][] rows(DoubleNd a) {
        int t = a.shape().dim(a.shape().rank() - 1);
        int c = t == 0 ? 0 : a.shape().size() / t;
        double[][] r = new double[c][t];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < t; j++) {
                r[i][j] = a.getDouble(i * t + j);
            }
        }
        return r;
    }

    /** A 2-d CSV holds time down the rows; the filters want time on the last axis (a transpose either way). */
    private static DoubleNd timeLast(DoubleNd a, boolean csv) {
        if (!csv || a.shape().rank() != 2) {
            return a;
        }
        int rows = a.shape().dim(0);
        int cols = a.shape().dim(1);
        double[] t = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a.getDouble(r * cols + c);
            }
        }
        return DoubleNd.of(Shape.of(cols, rows), t);
    }
}
