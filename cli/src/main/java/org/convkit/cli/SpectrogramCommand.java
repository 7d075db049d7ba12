package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.Decibels;
import org.convkit.api.signal.ScipyStftSpec;
import org.convkit.api.signal.Spectrogram;
import org.convkit.api.signal.Stft;
import org.convkit.api.signal.StftResult;
import org.convkit.cli.plot.SpectrogramPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit spectrogram}: the power spectrogram of one channel of a recording, as a picture or an array. */
@Command(name = "spectrogram", sortOptions = false, description = {
        "Draws or saves the power spectrogram of a recording.",
        "",
        "Computes the power spectrogram of one channel of a recording (WAV, EDF, ...",
        "any format found): scipy.signal.stft with a Hann window, |Z|^2 in dB relative",
        "to the peak, 80 dB of range (librosa.power_to_db(ref=np.max, top_db=80)).",
        "OUT.png draws it (time x frequency, colour bar); OUT.npy holds the dB values,",
        "[frequency, frame].",
        "",
        "Examples:",
        "  convkit spectrogram speech.wav -o speech.png",
        "  convkit spectrogram night1.edf --channel 3 --nperseg 512 -o c3.png",
        "  convkit spectrogram speech.wav -o speech-db.npy"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class SpectrogramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "OUT.png (picture) or OUT.npy (dB values).")
    Path output;

    @Option(names = "--channel", paramLabel = "C", defaultValue = "0", description = "The channel, from 0 (default: ${DEFAULT-VALUE}).")
    int channel;

    @Option(names = "--nperseg", paramLabel = "N", defaultValue = "256", description = "Samples per segment (default: ${DEFAULT-VALUE}).")
    int nperseg;

    @Option(names = "--overlap", paramLabel = "N", description = "Samples shared by consecutive segments (default: nperseg/2).")
    Integer overlap;

    @Option(names = "--fs", paramLabel = "HZ", description = "Sampling rate, when the file does not record one.")
    Double fs;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws IOException {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".npy")) {
            throw new BadInputException(output + ": unknown extension (use .png or .npy)");
        }
        DataFile f = Domains.read(input);
        double rate = fs != null ? fs : f.metadata().sampleRate();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new BadInputException(input + ": the file records no sample rate; pass --fs");
        }
        double[] x = channel(f, channel, input);
        if (nperseg < 2 || nperseg > x.length) {
            throw new BadInputException("--nperseg " + nperseg + " must be in [2, " + x.length + "] (the channel's samples)");
        }
        ScipyStftSpec stft = ScipyStftSpec.of().withFs(rate).withWindow("hann").withNperseg(nperseg).withNoverlap(overlap);
        StftResult r = Stft.scipy(DoubleNd.of(Shape.of(x.length), x), stft, threads.threads());
        DoubleNd db = Spectrogram.powerToDb(Spectrogram.power(r.z()), new Decibels(1, true, 1e-10, 80));
        if (name.endsWith(".npy")) {
            Npy.write(output, db);
        } else {
            int rows = db.shape().dim(0);
            int cols = db.shape().dim(1);
            double[][] v = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    v[i][j] = db.getDouble(i * cols + j);
                }
            }
            SpectrogramPlot.write(output, "Spectrogram of " + input.getFileName() + ", channel " + channel, v, r.f(), r.t());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d frequencies x %d frames (%.1f Hz, %.3f s apart) -> %s%n", input,
                db.shape().dim(0), db.shape().dim(1), r.f().length > 1 ? r.f()[1] - r.f()[0] : 0,
                r.t().length > 1 ? r.t()[1] - r.t()[0] : 0, output);
        out.flush();
        return ExitCodes.OK;
    }

    /** Channel {@code c} of a {@code [T]} or {@code [channels, T]} recording. */
    static double[] channel(DataFile f, int c, Path file) throws DataFileException {
        NdArray a = f.data();
        Shape s = a.shape();
        if (s.rank() == 1 && c == 0) {
            return a.toDouble().toArray();
        }
        if (s.rank() != 2) {
            throw new DataFileException(file, "holds " + f.format() + " data of shape " + s
                    + "; a spectrogram needs a recording [channels, samples]");
        }
        if (c < 0 || c >= s.dim(0)) {
            throw new BadInputException("--channel " + c + " is outside [0, " + s.dim(0) + ") for " + file);
        }
        int t = s.dim(1);
        double[] x = new double[t];
        for (int i = 0; i < t; i++) {
            x[i] = a.getDouble(c * t + i);
        }
        return x;
    }
}
