package org.convkit.cli.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A recording before and after filtering: one panel per channel (the first {@link #MAX_CHANNELS}),
 * stacked, both signals over a time axis in seconds. Panels are 1200 x 300.
 */
public final class SignalPlot {
    static final int MAX_CHANNELS = 4;
    static final int WIDTH = 1200;
    static final int PANEL_HEIGHT = 300;
    /** Points drawn per line at most; longer signals are decimated by taking every k-th sample. */
    static final int MAX_POINTS = 4000;

    private SignalPlot() {
    }

    /**
     * Writes the plot.
     *
     * @param before {@code [channels][samples]}
     * @param after  the same shape, filtered
     * @param fs     samples per second, NaN when unknown (the time axis is then in samples)
     * @param labels channel names (empty for "channel 1", "channel 2", ...)
     * @param unit   the values' unit for the y axis ({@code "uV"}), empty when unknown
     */
    public static void write(Path target, String title, double[][] before, double[][] after, double fs,
            List<String> labels, String unit) throws IOException {
        Png.write(target, render(title, before, after, fs, labels, unit));
    }

    static BufferedImage render(String title, double[][] before, double[][] after, double fs, List<String> labels,
            String unit) {
        if (before.length == 0 || before.length != after.length) {
            throw new IllegalArgumentException("before has " + before.length + " channels, after " + after.length);
        }
        if (!(fs > 0) && !Double.isNaN(fs)) {
            throw new IllegalArgumentException("sampling rate must be positive (or NaN for unknown), got " + fs);
        }
        String timeAxis = Double.isNaN(fs) ? "time (samples)" : "time (s)";
        double rate = Double.isNaN(fs) ? 1 : fs;
        int channels = Math.min(MAX_CHANNELS, before.length);
        List<BufferedImage> panels = new ArrayList<>();
        for (int ch = 0; ch < channels; ch++) {
            String name = ch < labels.size() ? labels.get(ch) : "channel " + (ch + 1);
            String heading = ch == 0 ? title + ": " + name : name;
            XYChart c = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(heading).xAxisTitle(timeAxis)
                    .yAxisTitle(unit.isEmpty() ? "amplitude" : "amplitude (" + unit + ")").build();
            Png.style(c.getStyler());
            c.getStyler().setSeriesColors(new java.awt.Color[] {new java.awt.Color(150, 150, 150), Png.SERIES[0]});
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            line(c, "before", before[ch], rate, 1.0f);
            line(c, "after", after[ch], rate, 2.0f);
            panels.add(Png.render(c));
        }
        return Png.tile(panels, 1);
    }

    private static void line(XYChart c, String name, double[] y, double fs, float width) {
        int step = Math.max(1, (y.length + MAX_POINTS - 1) / MAX_POINTS);
        int n = (y.length + step - 1) / step;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * step / fs;
            v[i] = y[i * step];
        }
        XYSeries s = c.addSeries(name, t, v);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(width));
    }
}
