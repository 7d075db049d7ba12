package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
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
        "INPUT and OUTPUT are .npy (time on the last axis: (T) or (channels, T)) or",
        ".csv (time down the rows, one column per channel), or a recording in any",
        "format found (WAV, EDF, ...: see 'convkit plugins'), whose sample rate is used",
        "unless --fs is given and which is written back in the format OUTPUT's",
        "extension names. Channels are filtered independently, in parallel.",
        "",
        "Examples:",
        "  convkit filter eeg.npy --fs 256 --moving-average 10 --bandpass 1 40 \\",
        "      --notch 50 -o clean.npy",
        "  convkit filter eeg.csv --fs 256 --lowpass 30 --order 6 --zero-phase -o s.csv",
        "  convkit filter x.npy --ba \"0.5,0.5;1,-0.2\" -o y.npy",
        "  convkit filter eeg.npy --fs 256 --bandpass 1 40 -o clean.npy --plot clean.png",
        "  convkit filter night1.edf --bandpass 1 40 --notch 50 -o night1-clean.edf"},
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

    @Parameters(index = "0", paramLabel = "INPUT", description = "The recording (.npy, .csv or a recording format).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Where to write the result (.npy, .csv or a recording format).")
    Path output;

    @Option(names = "--plot", paramLabel = "OUT.png",
            description = "Also draw the signal before and after (first channels) and the chain's |H(f)| and phase.")
    Path plot;

    @Override
    public Integer call() throws IOException {
        if (!ArrayFiles.isArrayFile(input)) {
            return filterRecording();
        }
        FilterChain chain = filters.chain(spec.commandLine().getParseResult().originalArgs());
        ArrayFiles.checkExtension(input);
        ArrayFiles.checkExtension(output);
        NdArray raw = ArrayFiles.read(input);
        DoubleNd x = timeLast(raw.toDouble(), ArrayFiles.isCsv(input));
        ArrayFiles.checkCanHold(output, raw.shape());
        DoubleNd y = apply(chain, x);
        ArrayFiles.write(output, NdArray.as(raw.dtype(), timeLast(y, ArrayFiles.isCsv(output))));
        plot(x, y, filters.fs == null ? Double.NaN : filters.fs, List.of(), "", chain);
        return ExitCodes.OK;
    }

    /**
     * A recording in a domain's format (WAV, EDF, ...): the file's sample rate unless --fs is given,
     * the result written in the format OUTPUT's extension names, with the input's metadata.
     */
    private Integer filterRecording() throws IOException {
        DataFile in = Domains.read(input);
        Shape s = in.data().shape();
        if (s.rank() != 1 && s.rank() != 2) {
            throw new DataFileException(input, "holds " + in.format() + " data of shape " + s
                    + "; filter needs a recording [channels, samples]");
        }
        FileFormat writer = Domains.writerFor(output, Domains.formats());
        if (filters.fs == null && in.metadata().sampleRate() > 0) {
            filters.fs = in.metadata().sampleRate();
        }
        FilterChain chain = filters.chain(spec.commandLine().getParseResult().originalArgs());
        DoubleNd x = in.data().toDouble();
        DoubleNd y = apply(chain, x);
        writer.write(new DataFile(writer.name(), NdArray.as(in.data().dtype(), y), in.metadata()), output);
        List<Metadata.Channel> channels = in.metadata().channels();
        plot(x, y, filters.fs == null ? Double.NaN : filters.fs, channels.stream().map(Metadata.Channel::label).toList(),
                channels.isEmpty() ? "" : channels.get(0).unit(), chain);
        return ExitCodes.OK;
    }

    private DoubleNd apply(FilterChain chain, DoubleNd x) {
        try {
            return chain.apply(x, ConvContext.defaults().withThreads(threads.threads()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
    }

    private void plot(DoubleNd x, DoubleNd y, double fs, List<String> labels, String unit, FilterChain chain)
            throws IOException {
        if (plot != null) {
            FilterPlot.write(plot, "Filtered " + input.getFileName(), rows(x), rows(y), fs, labels, unit, chain);
        }
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
