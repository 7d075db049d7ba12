package org.convkit.cli.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.nn.train.EpochReport;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Loss and accuracy per epoch, training against validation, as two panels side by side (1400 x 560). */
public final class TrainingCurves {
    static final int PANEL_WIDTH = 700;
    static final int PANEL_HEIGHT = 560;

    private TrainingCurves() {
    }

    /** Writes the curves of {@code history} (at least one epoch); validation lines only where measured. */
    public static void write(Path target, List<EpochReport> history) throws IOException {
        Png.write(target, render(history));
    }

    static BufferedImage render(List<EpochReport> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        int n = history.size();
        double[] epoch = new double[n];
        double[] trainLoss = new double[n];
        double[] valLoss = new double[n];
        double[] trainAcc = new double[n];
        double[] valAcc = new double[n];
        for (int i = 0; i < n; i++) {
            EpochReport r = history.get(i);
            epoch[i] = r.epoch();
            trainLoss[i] = r.trainLoss();
            valLoss[i] = r.validationLoss();
            trainAcc[i] = r.trainAccuracy();
            valAcc[i] = r.validationAccuracy();
        }
        XYChart loss = chart("Loss per epoch", "loss (cross-entropy)");
        add(loss, "training", epoch, trainLoss);
        add(loss, "validation", epoch, valLoss);
        XYChart acc = chart("Accuracy per epoch", "accuracy");
        add(acc, "training", epoch, trainAcc);
        add(acc, "validation", epoch, valAcc);
        acc.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return Png.tile(List.of(Png.render(loss), Png.render(acc)), 2);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        Png.style(c.getStyler());
        c.getStyler().setSeriesColors(Png.SERIES);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setMarkerSize(7);
        return c;
    }

    /** Adds a series unless all its values are NaN (no validation set, no accuracy for regression). */
    private static void add(XYChart c, String name, double[] x, double[] y) {
        int k = 0;
        for (double v : y) {
            k += Double.isNaN(v) ? 0 : 1;
        }
        if (k == 0) {
            return;
        }
        double[] xs = new double[k];
        double[] ys = new double[k];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                xs[j] = x[i];
                ys[j++] = y[i];
            }
        }
        c.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
    }
}
