package org.convkit.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convkit.api.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Renders charts to images, tiles panels and writes PNG files atomically; the shared look of every plot. */
public final class Png {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** Series colours: blue, orange, green, red (Tableau's first four), readable on white and in grey print. */
    static final Color[] SERIES = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40)};

    private Png() {
    }

    /** Writes {@code image} as a PNG, replacing {@code target} atomically. */
    public static void write(Path target, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG encoder in this Java runtime");
        }
        byte[] png = bytes.toByteArray();
        AtomicFiles.write(target, out -> out.write(png));
    }

    /** The chart drawn at its own size. */
    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Panels laid out row by row, {@code columns} per row, on white: each row as tall as its tallest
     * panel, each column as wide as its widest.
     */
    static BufferedImage tile(List<BufferedImage> panels, int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to tile");
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int[] widths = new int[cols];
        int[] heights = new int[rows];
        for (int i = 0; i < panels.size(); i++) {
            widths[i % cols] = Math.max(widths[i % cols], panels.get(i).getWidth());
            heights[i / cols] = Math.max(heights[i / cols], panels.get(i).getHeight());
        }
        int[] x = new int[cols + 1];
        for (int c = 0; c < cols; c++) {
            x[c + 1] = x[c] + widths[c];
        }
        int[] y = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            y[r + 1] = y[r] + heights[r];
        }
        BufferedImage out = new BufferedImage(x[cols], y[rows], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), x[i % cols], y[i / cols], null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The height of the title strip {@link #titled} adds. */
    static final int TITLE_STRIP = 44;

    /** {@code image} under a title strip of {@link #TITLE_STRIP} pixels, centred, in the title font. */
    static BufferedImage titled(String title, BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + TITLE_STRIP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(TITLE);
            g.setColor(Color.BLACK);
            int w = g.getFontMetrics().stringWidth(title);
            g.drawString(title, Math.max(8, (out.getWidth() - w) / 2), TITLE_STRIP - 14);
            g.drawImage(image, 0, TITLE_STRIP, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The common look: white background, large fonts, legend inside the top right. */
    static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(TITLE);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(AXIS_TITLE);
            a.setAxisTickLabelsFont(TICKS);
            a.setPlotGridLinesColor(new Color(225, 225, 225));
        }
    }
}
