package org.convkit.cli.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.cli.plot.Rasters.Raster;

/**
 * Images as grey heat maps with pixel axes (row 0 at the top) and a colour bar: one image, or an
 * image before and after a filter side by side (each panel 640 x 600, each on its own value range,
 * since a filter such as Sobel changes the range and the sign).
 */
public final class ImagePlot {
    static final int PANEL_WIDTH = 640;
    static final int PANEL_HEIGHT = 600;

    private ImagePlot() {
    }

    /** Writes {@code before} and {@code after} ({@code [rows][columns]} each) side by side. */
    public static void writeBeforeAfter(Path target, String beforeTitle, double[][] before, String afterTitle,
            double[][] after) throws IOException {
        Png.write(target, Png.tile(List.of(panel(beforeTitle, before), panel(afterTitle, after)), 2));
    }

    /** Writes one image ({@code [rows][columns]}). */
    public static void write(Path target, String title, double[][] image) throws IOException {
        Png.write(target, panel(title, image));
    }

    static BufferedImage panel(String title, double[][] image) {
        Raster r = new Raster(image, 0, 1, 0, 1, true);
        return Rasters.render(r, title, "column (pixel)", "row (pixel)", "value", Rasters.GREY, Double.NaN, Double.NaN,
                PANEL_WIDTH, PANEL_HEIGHT);
    }
}
