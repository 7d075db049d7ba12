package org.convkit.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.explain.Saliency;

/**
 * PNG pictures of explanations, drawn pixel by pixel (no fonts, so the same bits on any machine):
 * <ul>
 * <li>attributions over an input: 1-d, one band per channel over time, the attribution as the band's
 * colour and the signal drawn on top in black; 2-d, the attribution over the input in grey; 3-d, a
 * grid of depth slices drawn as 2-d;</li>
 * <li>feature maps: one tile (or band, in 1-d) per channel, each scaled to its own range;</li>
 * <li>filters: an {@code out x in} grid of kernels (3-d kernels by their middle slice; with one input
 * channel, a square-ish grid of the {@code out} kernels).</li>
 * </ul>
 * Magnitudes use viridis from 0 to their maximum; signed values the blue-white-red map, symmetric
 * about zero.
 */
final class Pictures {
    private static final int BAND = 60;
    private static final int GAP = 3;
    private static final int GAP_COLOUR = 0xFFFFFF;

    private Pictures() {
    }

    /**
     * An attribution {@code map} ({@code [C, spatial...]}, per channel, or {@code [spatial...]}) over
     * the input {@code [C, spatial...]}.
     */
    static BufferedImage attribution(FloatNd map, FloatNd input, boolean signed) {
        Shape in = input.shape();
        int rank = in.rank() - 1;
        if (rank == 1) {
            return bands(map, input, signed);
        }
        FloatNd m = map.shape().rank() == in.rank() ? Saliency.magnitude(map) : map;
        boolean s = signed && m == map;
        float[] under = channelMean(input);
        Shape spatial = in.dropFirst();
        if (rank == 2) {
            int h = spatial.dim(0);
            int w = spatial.dim(1);
            return overlay(m.toArray(), under, 1, h, w, scale(Math.max(h, w), 320), s);
        }
        int d = spatial.dim(0);
        int h = spatial.dim(1);
        int w = spatial.dim(2);
        return overlay(m.toArray(), under, d, h, w, scale(Math.max(h, w), 96), s);
    }

    /** Feature maps {@code [C, spatial...]}, each channel scaled to its own range. */
    static BufferedImage featureMaps(FloatNd maps) {
        Shape s = maps.shape();
        int channels = s.dim(0);
        int area = s.size() / channels;
        float[] v = maps.toArray();
        float[] scaled = new float[v.length];
        for (int c = 0; c < channels; c++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int p = c * area; p < (c + 1) * area; p++) {
                lo = Math.min(lo, v[p]);
                hi = Math.max(hi, v[p]);
            }
            for (int p = c * area; p < (c + 1) * area; p++) {
                scaled[p] = hi > lo ? (v[p] - lo) / (hi - lo) : 0;
            }
        }
        if (s.rank() == 2) {
            int t = s.dim(1);
            return grid(channels, 1, BAND / 3, t, 1, (tile, i, j) -> ColourMaps.viridis(scaled[tile * t + j]));
        }
        int[] hw = lastTwo(s);
        int slice = middleSlice(s);
        int h = hw[0];
        int w = hw[1];
        int cols = (int) Math.ceil(Math.sqrt(channels));
        int rows = (channels + cols - 1) / cols;
        int k = scale(Math.max(h, w), 96);
        return grid(rows, cols, h * k, w * k, 1, (tile, i, j) -> tile >= channels ? GAP_COLOUR
                : ColourMaps.viridis(scaled[tile * area + slice + (i / k) * w + j / k]));
    }

    /** First-layer filters {@code [out, in, k...]}, on one symmetric scale. */
    static BufferedImage filters(FloatNd weight) {
        Shape s = weight.shape();
        int out = s.dim(0);
        int in = s.dim(1);
        float[] v = weight.toArray();
        double max = maxAbs(v);
        int kernel = s.size() / (out * in);
        int h = s.rank() == 3 ? 1 : lastTwo(s)[0];
        int w = s.rank() == 3 ? s.dim(2) : lastTwo(s)[1];
        int slice = s.rank() == 5 ? (s.dim(2) / 2) * h * w : 0;
        int k = Math.max(4, 48 / Math.max(h, w));
        // one input channel: the filters in a square-ish grid rather than one tall column
        int cols = in == 1 ? (int) Math.ceil(Math.sqrt(out)) : in;
        int rows = in == 1 ? (out + cols - 1) / cols : out;
        return grid(rows, cols, h * k, w * k, 2, (tile, i, j) -> tile >= out * in ? GAP_COLOUR
                : ColourMaps.diverging(v[tile * kernel + slice + (i / k) * w + j / k] / max));
    }

    /** Writes a PNG atomically. */
    static void write(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java");
            }
        });
    }

    /** The colour of pixel {@code (i, j)} of tile {@code tile}. */
    @FunctionalInterface
    private interface TilePixel {
        int rgb(int tile, int i, int j);
    }

    /** {@code rows x cols} tiles of {@code h x w} pixels, {@code gap} white pixels apart, tiles numbered row by row. */
    private static BufferedImage grid(int rows, int cols, int h, int w, int gap, TilePixel pixel) {
        int width = cols * w + (cols - 1) * gap;
        int height = rows * h + (rows - 1) * gap;
        BufferedImage img = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = y / (h + gap);
                int c = x / (w + gap);
                int i = y - r * (h + gap);
                int j = x - c * (w + gap);
                img.setRGB(x, y, i >= h || j >= w ? GAP_COLOUR : pixel.rgb(r * cols + c, i, j));
            }
        }
        return img;
    }

    /** {@code depth} slices of {@code h x w} (a 2-d map is one slice) over a grey underlay, scaled by {@code k}. */
    private static BufferedImage overlay(float[] map, float[] under, int depth, int h, int w, int k, boolean signed) {
        double max = maxAbs(map);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float u : under) {
            lo = Math.min(lo, u);
            hi = Math.max(hi, u);
        }
        float ulo = lo;
        float span = hi > lo ? hi - lo : 1;
        int cols = (int) Math.ceil(Math.sqrt(depth));
        int rows = (depth + cols - 1) / cols;
        return grid(rows, cols, h * k, w * k, depth > 1 ? 2 : 0, (tile, i, j) -> {
            if (tile >= depth) {
                return GAP_COLOUR;
            }
            int p = (tile * h + i / k) * w + j / k;
            int colour = signed ? ColourMaps.diverging(map[p] / max) : ColourMaps.viridis(map[p] / max);
            return ColourMaps.blend(ColourMaps.grey((under[p] - ulo) / span), colour, 0.6);
        });
    }

    /** 1-d: one band per channel; the colour is the map (per channel, or shared), the black line the signal. */
    private static BufferedImage bands(FloatNd map, FloatNd input, boolean signed) {
        Shape in = input.shape();
        int channels = in.dim(0);
        int t = in.dim(1);
        boolean perChannel = map.shape().rank() == 2;
        float[] m = map.toArray();
        float[] x = input.toArray();
        double max = maxAbs(m);
        int width = t >= 600 ? Math.min(t, 1200) : t * Math.max(1, 600 / t);
        int height = channels * BAND + (channels - 1) * GAP;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int col = 0; col < width; col++) {
                img.setRGB(col, y, GAP_COLOUR);
            }
        }
        for (int c = 0; c < channels; c++) {
            int top = c * (BAND + GAP);
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < t; i++) {
                lo = Math.min(lo, x[c * t + i]);
                hi = Math.max(hi, x[c * t + i]);
            }
            double span = hi > lo ? hi - lo : 1;
            for (int col = 0; col < width; col++) {
                int a = (int) ((long) col * t / width);
                int b = Math.max(a + 1, (int) ((long) (col + 1) * t / width));
                float strongest = 0;
                // the previous column's last sample too, so the trace is a connected line
                float smin = a > 0 ? x[c * t + a - 1] : Float.POSITIVE_INFINITY;
                float smax = a > 0 ? x[c * t + a - 1] : Float.NEGATIVE_INFINITY;
                for (int i = a; i < b; i++) {
                    float v = m[(perChannel ? c * t : 0) + i];
                    strongest = Math.abs(v) > Math.abs(strongest) ? v : strongest;
                    smin = Math.min(smin, x[c * t + i]);
                    smax = Math.max(smax, x[c * t + i]);
                }
                int colour = signed ? ColourMaps.diverging(strongest / max) : ColourMaps.viridis(strongest / max);
                int yLo = top + BAND - 1 - (int) Math.round((smax - lo) / span * (BAND - 1));
                int yHi = top + BAND - 1 - (int) Math.round((smin - lo) / span * (BAND - 1));
                for (int y = top; y < top + BAND; y++) {
                    img.setRGB(col, y, y >= yLo && y <= yHi ? 0 : colour);
                }
            }
        }
        return img;
    }

    private static float[] channelMean(FloatNd input) {
        Shape s = input.shape();
        int channels = s.dim(0);
        int area = s.size() / channels;
        float[] x = input.toArray();
        float[] out = new float[area];
        for (int p = 0; p < area; p++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += x[c * area + p];
            }
            out[p] = (float) (sum / channels);
        }
        return out;
    }

    private static double maxAbs(float[] v) {
        double max = 0;
        for (float f : v) {
            max = Math.max(max, Math.abs(f));
        }
        return max > 0 ? max : 1;
    }

    /** The integer zoom that brings {@code size} pixels near {@code target}, at least 1. */
    private static int scale(int size, int target) {
        return Math.max(1, target / Math.max(1, size));
    }

    /** The last two axes of a shape (the height and width of a tile). */
    private static int[] lastTwo(Shape s) {
        return new int[] {s.dim(s.rank() - 2), s.dim(s.rank() - 1)};
    }

    /** The flat offset of the middle depth slice of a {@code [C, D, H, W]} map within a channel; 0 otherwise. */
    private static int middleSlice(Shape s) {
        return s.rank() == 4 ? (s.dim(1) / 2) * s.dim(2) * s.dim(3) : 0;
    }
}
