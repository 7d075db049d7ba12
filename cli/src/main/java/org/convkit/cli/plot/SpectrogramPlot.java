package org.convkit.cli.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.convkit.cli.plot.Rasters.Raster;

/** A spectrogram: time along x in seconds, frequency up y in Hz, power in dB as colour (viridis), 1100 x 640. */
public final class SpectrogramPlot {

    private SpectrogramPlot() {
    }

    /**
     * Writes the plot.
     *
     * @param db {@code [frequency][frame]} values in dB
     * @param f  the frequency of each row, evenly spaced, Hz
     * @param t  the time of each frame, evenly spaced, seconds
     */
    public static void write(Path target, String title, double[][] db, double[] f, double[] t) throws IOException {
        Png.write(target, render(title, db, f, t));
    }

    static BufferedImage render(String title, double[][] db, double[] f, double[] t) {
        if (db.length != f.length || db.length == 0 || db[0].length != t.length) {
            throw new IllegalArgumentException("a spectrogram of " + db.length + " x " + (db.length == 0 ? 0 : db[0].length)
                    + " needs " + db.length + " frequencies and " + (db.length == 0 ? 0 : db[0].length) + " times, got "
                    + f.length + " and " + t.length);
        }
        double df = f.length > 1 ? f[1] - f[0] : 1;
        double dt = t.length > 1 ? t[1] - t[0] : 1;
        Raster r = new Raster(db, t[0], dt, f[0], df, false);
        return Rasters.render(r, title, "time (s)", "frequency (Hz)", "power (dB)", Rasters.VIRIDIS, Double.NaN,
                Double.NaN, 1100, 640);
    }
}
