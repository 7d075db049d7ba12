package org.convkit.cli.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.Filter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.FirFilter;
import org.convkit.api.signal.FrequencyResponse;
import org.convkit.api.signal.IirFilter;
import org.convkit.api.signal.NotchFilter;
import org.convkit.api.signal.TransferFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The frequency response of a filter chain: {@code |H(f)|} in dB above its phase in degrees, from
 * 0 to the Nyquist frequency, two 1200 x 420 panels. The chain's response is the product of its
 * steps' {@link FrequencyResponse#freqz} responses; a zero-phase step contributes {@code |H|^2} and
 * no phase, as forward-backward filtering does.
 */
public final class ResponsePlot {
    static final int POINTS = 1024;
    /** Magnitudes below this floor (dB) are drawn at it, so stop-band zeros do not stretch the axis to -inf. */
    static final double FLOOR_DB = -120;

    private ResponsePlot() {
    }

    /** Writes the response of {@code chain} at sampling rate {@code fs} (NaN: unknown, frequencies in cycles per sample). */
    public static void write(Path target, String title, FilterChain chain, double fs) throws IOException {
        Png.write(target, render(title, chain, fs));
    }

    /** The chain's complex response at {@link #POINTS} frequencies: {@code [frequency, re, im]} arrays. */
    public static FrequencyResponse response(FilterChain chain, double fs) {
        FrequencyResponse total = null;
        for (Filter step : chain.steps()) {
            TransferFunction tf = step.transferFunction();
            FrequencyResponse r = FrequencyResponse.freqz(tf.b(), tf.a(), POINTS, fs);
            double[] re = r.re();
            double[] im = r.im();
            if (zeroPhase(step)) {
                for (int i = 0; i < re.length; i++) {
                    re[i] = re[i] * re[i] + im[i] * im[i];
                    im[i] = 0;
                }
            }
            if (total != null) {
                double[] tr = total.re();
                double[] ti = total.im();
                for (int i = 0; i < re.length; i++) {
                    double a = tr[i] * re[i] - ti[i] * im[i];
                    double b = tr[i] * im[i] + ti[i] * re[i];
                    re[i] = a;
                    im[i] = b;
                }
            }
            total = new FrequencyResponse(r.frequencies(), re, im);
        }
        if (total == null) {
            throw new IllegalArgumentException("an empty filter chain has no response to plot");
        }
        return total;
    }

    private static boolean zeroPhase(Filter f) {
        return f instanceof ButterworthFilter b && b.zeroPhase() || f instanceof NotchFilter n && n.zeroPhase()
                || f instanceof IirFilter i && i.zeroPhase() || f instanceof FirFilter r && r.zeroPhase();
    }

    static BufferedImage render(String title, FilterChain chain, double fs) {
        String axis = Double.isNaN(fs) ? "frequency (cycles/sample)" : "frequency (Hz)";
        FrequencyResponse r = response(chain, Double.isNaN(fs) ? 1 : fs);
        double[] f = r.frequencies();
        double[] mag = r.magnitude();
        double[] db = new double[f.length];
        double[] phase = new double[f.length];
        double[] re = r.re();
        double[] im = r.im();
        for (int i = 0; i < f.length; i++) {
            db[i] = Math.max(FLOOR_DB, 20 * Math.log10(mag[i]));
            phase[i] = Math.toDegrees(Math.atan2(im[i], re[i]));
        }
        XYChart m = chart(title + ": magnitude", axis, "|H(f)| (dB)");
        line(m, "|H|", f, db);
        XYChart p = chart(title + ": phase", axis, "phase (degrees)");
        p.getStyler().setYAxisMin(-180.0).setYAxisMax(180.0);
        line(p, "phase", f, phase);
        return Png.tile(List.of(Png.render(m), Png.render(p)), 1);
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(1200).height(420).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Png.style(c.getStyler());
        c.getStyler().setSeriesColors(Png.SERIES);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    private static void line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(2f));
    }
}
