package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.MovingAverageFilter;
import org.convkit.cli.plot.ResponsePlot;
import org.convkit.cli.plot.SignalPlot;

/** The demo's signal step: the seed's moving average and the domain's preprocessing on one recording. */
final class DemoSignals {
    /** The seed's smoothing window. */
    static final int WINDOW = 10;

    private DemoSignals() {
    }

    /** A 1-d domain's {@code [channels, samples]} file with a known sample rate. */
    static boolean isRecording(Domain domain, DataFile f) {
        return domain.rank() == 1 && f.data().shape().rank() == 2 && f.metadata().sampleRate() > 0;
    }

    /** Plots the smoothing, the preprocessing and its frequency response; returns the plots written. */
    static List<Path> smooth(DataFile f, FilterChain chain, Path out, int threads, Consumer<String> log)
            throws IOException {
        ConvContext ctx = ConvContext.defaults().withThreads(threads);
        DoubleNd x = f.data().toDouble();
        double fs = f.metadata().sampleRate();
        List<String> labels = f.metadata().channels().stream().map(Metadata.Channel::label).toList();
        String unit = f.metadata().channels().isEmpty() ? "" : f.metadata().channels().get(0).unit();
        List<Path> plots = new ArrayList<>();
        MovingAverageFilter ma = new MovingAverageFilter(WINDOW);
        Path smoothing = out.resolve("smoothing.png");
        SignalPlot.write(smoothing, "Moving average, window " + WINDOW, rows(x), rows(ma.apply(x, ctx)), fs, labels, unit);
        plots.add(smoothing);
        log.accept(String.format(Locale.ROOT, "smoothing: one recording (%d channels, %d samples at %g Hz) with a "
                + "moving average of %d samples", x.shape().dim(0), x.shape().dim(1), fs, WINDOW));
        if (chain != null) {
            Path pre = out.resolve("preprocessing.png");
            SignalPlot.write(pre, "Domain preprocessing", rows(x), rows(chain.apply(x, ctx)), fs, labels, unit);
            Path response = out.resolve("preprocessing-response.png");
            ResponsePlot.write(response, "Domain preprocessing", chain, fs);
            plots.add(pre);
            plots.add(response);
            log.accept("preprocessing: " + String.join(", then ", chain.steps().stream().map(s -> s.describe()).toList()));
        }
        return plots;
    }

    /** {@code [channels, samples]} as rows. */
    static double[][] rows(DoubleNd x) {
        int c = x.shape().dim(0);
        int t = x.shape().dim(1);
        double[][] r = new double[c][t];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < t; j++) {
                r[i][j] = x.getDouble(i * t + j);
            }
        }
        return r;
    }
}
