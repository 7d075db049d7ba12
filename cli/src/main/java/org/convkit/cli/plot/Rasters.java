package org.convkit.cli.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * 2-d arrays drawn as XChart heat maps with a colour bar: spectrograms, images, volume slices.
 * Arrays larger than {@link #MAX_CELLS} along an axis are reduced by averaging blocks, since a heat
 * map paints one rectangle per cell and a screen shows a few hundred anyway.
 */
final class Rasters {
    static final int MAX_CELLS = 160;

    /** Viridis at five stops: dark blue to yellow, perceptually even and readable in grey. */
    static final Color[] VIRIDIS = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
            new Color(94, 201, 98), new Color(253, 231, 37)};
    static final Color[] GREY = {Color.BLACK, Color.WHITE};

    /**
     * What to draw.
     *
     * @param values  {@code [rows][columns]}, row 0 drawn at the top when {@code rowZeroOnTop}, else at the bottom
     * @param x0      the x coordinate of column 0
     * @param dx      the x step between columns
     * @param y0      the y coordinate of row 0
     * @param dy      the y step between rows
     */
    record Raster(double[][] values, double x0, double dx, double y0, double dy, boolean rowZeroOnTop) {
        Raster {
            if (values.length == 0 || values[0].length == 0) {
                throw new IllegalArgumentException("nothing to draw: a raster needs at least one row and column");
            }
        }
    }

    private Rasters() {
    }

    /**
     * A heat map of {@code r} with a colour bar named {@code unit}, between {@code min} and
     * {@code max} (NaN for the data's own range).
     */
    static BufferedImage render(Raster r, String title, String xTitle, String yTitle, String unit, Color[] colours,
            double min, double max, int width, int height) {
        Raster small = reduce(r);
        double[][] v = small.values();
        int rows = v.length;
        int cols = v[0].length;
        List<Double> xs = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            xs.add(small.x0() + c * small.dx());
        }
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            // XChart draws the first y category at the bottom
            int row = small.rowZeroOnTop() ? rows - 1 - k : k;
            ys.add(small.y0() + row * small.dy());
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>(rows * cols);
        for (int k = 0; k < rows; k++) {
            int row = small.rowZeroOnTop() ? rows - 1 - k : k;
            for (int c = 0; c < cols; c++) {
                double value = v[row][c];
                lo = Math.min(lo, value);
                hi = Math.max(hi, value);
                cells.add(new Number[] {c, k, value});
            }
        }
        lo = Double.isNaN(min) ? lo : min;
        hi = Double.isNaN(max) ? hi : max;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        // XChart prints the colour bar's ends in full: round them outwards to two significant digits of the span
        double step = Math.pow(10, Math.floor(Math.log10(hi - lo)) - 1);
        lo = times(Math.floor(lo / step), step);
        hi = times(Math.ceil(hi / step), step);
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        HeatMapStyler s = chart.getStyler();
        Png.style(s);
        s.setRangeColors(colours);
        s.setMin(lo);
        s.setMax(hi);
        s.setDrawBorder(false);
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setXAxisMaxLabelCount(8);
        s.setXAxisDecimalPattern(pattern(small.dx(), Math.abs(small.x0()) + cols * Math.abs(small.dx())));
        s.setYAxisDecimalPattern(pattern(small.dy(), Math.abs(small.y0()) + rows * Math.abs(small.dy())));
        s.setHeatMapDecimalValueFormatter(Rasters::label);
        s.setDecimalPattern(legendPattern(lo, hi));
        // anti-aliased cell edges show as a grid of faint lines between cells
        s.setAntiAlias(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setGradientColorColumnHeight(Math.max(120, height / 2));
        chart.addSeries(unit, xs, ys, cells);
        return Png.render(chart);
    }

    /** Tick labels with as many decimals as the step needs; whole numbers once the axis reaches 100. */
    private static String pattern(double step, double extent) {
        double a = Math.abs(step);
        if (a >= 1 && a == Math.rint(a) || extent >= 100) {
            return "0";
        }
        return a >= 0.1 ? "0.#" : a >= 0.01 ? "0.##" : "0.###";
    }

    /** {@code k * step} rounded in decimal, so 3 x 0.1 prints as 0.3 (and -0 as 0). */
    private static double times(double k, double step) {
        return java.math.BigDecimal.valueOf(k).multiply(java.math.BigDecimal.valueOf(step)).doubleValue() + 0.0;
    }

    /** Colour-bar labels: enough decimals to tell the ends apart, no more. */
    private static String legendPattern(double lo, double hi) {
        double span = hi - lo;
        return span >= 10 ? "0" : span >= 1 ? "0.#" : span >= 0.1 ? "0.##" : "0.####";
    }

    /** Cell labels: three significant digits. */
    static String label(Double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e5 || a < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        return String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.3g", v);
    }

    /** Averages blocks so neither axis exceeds {@link #MAX_CELLS}. */
    static Raster reduce(Raster r) {
        double[][] v = r.values();
        int rows = v.length;
        int cols = v[0].length;
        int fy = (rows + MAX_CELLS - 1) / MAX_CELLS;
        int fx = (cols + MAX_CELLS - 1) / MAX_CELLS;
        if (fy == 1 && fx == 1) {
            return r;
        }
        int nr = rows / fy;
        int nc = cols / fx;
        double[][] out = new double[nr][nc];
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                double s = 0;
                for (int a = 0; a < fy; a++) {
                    for (int b = 0; b < fx; b++) {
                        s += v[i * fy + a][j * fx + b];
                    }
                }
                out[i][j] = s / (fx * fy);
            }
        }
        return new Raster(out, r.x0() + (fx - 1) * r.dx() / 2, r.dx() * fx, r.y0() + (fy - 1) * r.dy() / 2,
                r.dy() * fy, r.rowZeroOnTop());
    }
}
