package org.convkit.cli.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.cli.plot.Rasters.Raster;

/**
 * Axial slices of a volume {@code [depth][height][width]}: up to {@link #MAX_SLICES} slices evenly
 * spaced in depth, three per row, each 480 x 440, all on the volume's value range so they compare,
 * under a title strip naming the volume.
 */
public final class SlicesPlot {
    static final int MAX_SLICES = 9;

    private SlicesPlot() {
    }

    /** Writes the slices of {@code volume}; {@code what} names the volume in the panel titles. */
    public static void write(Path target, String what, double[][][] volume) throws IOException {
        Png.write(target, render(what, volume));
    }

    /** The slice indices drawn for a depth of {@code depth}: all of them, or {@link #MAX_SLICES} evenly spaced. */
    static int[] slices(int depth) {
        int n = Math.min(depth, MAX_SLICES);
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = n == 1 ? 0 : (int) Math.round(i * (depth - 1) / (double) (n - 1));
        }
        return z;
    }

    static BufferedImage render(String what, double[][][] volume) {
        if (volume.length == 0) {
            throw new IllegalArgumentException("a volume with no slices");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] plane : volume) {
            for (double[] row : plane) {
                for (double v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        List<BufferedImage> panels = new ArrayList<>();
        for (int z : slices(volume.length)) {
            Raster r = new Raster(volume[z], 0, 1, 0, 1, true);
            panels.add(Rasters.render(r, "slice " + z + " of " + volume.length, "x (voxel)", "y (voxel)",
                    "value", Rasters.GREY, lo, hi, 480, 440));
        }
        return Png.titled(what, Png.tile(panels, 3));
    }
}
