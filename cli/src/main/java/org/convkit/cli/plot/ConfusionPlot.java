package org.convkit.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * A confusion matrix as a heat map: true classes down the left (the first at the top), predicted
 * classes along the bottom, the count in every cell. The side grows with the class count, from 640
 * pixels.
 */
public final class ConfusionPlot {

    private ConfusionPlot() {
    }

    /** Writes {@code confusion[true][predicted]} for {@code classNames}. */
    public static void write(Path target, int[][] confusion, List<String> classNames, String title) throws IOException {
        Png.write(target, render(confusion, classNames, title));
    }

    static BufferedImage render(int[][] confusion, List<String> classNames, String title) {
        int k = classNames.size();
        if (confusion.length != k) {
            throw new IllegalArgumentException("a confusion matrix of " + confusion.length + " rows for " + k
                    + " classes");
        }
        List<String> predicted = new ArrayList<>(classNames);
        List<String> truth = new ArrayList<>();
        for (int r = k - 1; r >= 0; r--) {
            truth.add(classNames.get(r));
        }
        List<Number[]> cells = new ArrayList<>();
        int max = 1;
        for (int y = 0; y < k; y++) {
            int row = k - 1 - y;
            for (int x = 0; x < k; x++) {
                cells.add(new Number[] {x, y, confusion[row][x]});
                max = Math.max(max, confusion[row][x]);
            }
        }
        int side = Math.max(640, Math.min(1400, 200 + 56 * k));
        HeatMapChart c = new HeatMapChartBuilder().width(side + 140).height(side).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        HeatMapStyler s = c.getStyler();
        Png.style(s);
        s.setRangeColors(new Color[] {new Color(247, 251, 255), new Color(158, 202, 225), new Color(66, 146, 198)});
        s.setMin(0);
        s.setMax(max);
        s.setShowValue(true);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, k <= 10 ? 15 : 11));
        s.setValueFontColor(Color.BLACK);
        s.setHeatMapValueDecimalPattern("0");
        s.setHeatMapDecimalValueFormatter(v -> Long.toString(Math.round(v)));
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        int longest = classNames.stream().mapToInt(String::length).max().orElse(0);
        s.setXAxisLabelRotation(k > 6 && longest > 3 ? 45 : 0);
        c.addSeries("samples", predicted, truth, cells);
        return Png.render(c);
    }
}
