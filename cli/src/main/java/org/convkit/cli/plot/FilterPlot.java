package org.convkit.cli.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.signal.FilterChain;

/** {@code convkit filter --plot}: the signal before and after (up to four channels) above the chain's |H(f)| and phase. */
public final class FilterPlot {
    private FilterPlot() {
    }

    /**
     * Writes the picture.
     *
     * @param before {@code [channels][samples]}
     * @param after  the filtered signal, same shape
     * @param fs     samples per second, NaN when unknown (axes then in samples and cycles per sample)
     * @param unit   the values' unit, empty when unknown
     */
    public static void write(Path target, String title, double[][] before, double[][] after, double fs,
            List<String> labels, String unit, FilterChain chain) throws IOException {
        Png.write(target, Png.tile(List.of(SignalPlot.render(title, before, after, fs, labels, unit),
                ResponsePlot.render("Filter chain", chain, fs)), 1));
    }
}
