package org.convkit.domains.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Conversion between a decoded {@link BufferedImage} and {@code [channels, height, width]} float32
 * values in {@code [0, 1]}.
 *
 * <p>Reading takes the raster's stored samples, never {@code getRGB} (which truncates 16-bit samples
 * to 8 bits and applies colour conversion): a sample of {@code b} bits becomes {@code v / (2^b - 1)}
 * (8-bit {@code /255}, 16-bit {@code /65535}); floating-point samples are kept as they are. No colour
 * management is done: the values are the file's samples. Channels follow the file: grey 1, grey and
 * alpha 2, RGB 3, RGB and alpha 4 (alpha is kept, straight, never composited). Palette images
 * (GIF, palette PNG and BMP, and the 1-, 2- and 4-bit grey PNGs that the decoder expands through a
 * grey palette) become grey when every palette entry is grey, else RGB, plus alpha when an entry is
 * not opaque.
 */
public final class ImagePixels {

    /** Channel labels by channel count (index 1 to 4). */
    private static final List<List<String>> LABELS = List.of(List.of(), List.of("grey"), List.of("grey", "alpha"),
            List.of("red", "green", "blue"), List.of("red", "green", "blue", "alpha"));

    private ImagePixels() {
    }

    /** Decoded values and the bit depth of the samples they came from. */
    public record Decoded(FloatNd data, int bitDepth) {
    }

    /** The channel labels of an image with {@code channels} channels (1 to 4). */
    public static List<String> labels(int channels) {
        return LABELS.get(channels);
    }

    /**
     * The values of {@code image}, {@code [C, H, W]}; see the class comment.
     *
     * @throws DataFileException naming {@code file} when the colour space is neither grey nor RGB
     */
    public static Decoded read(BufferedImage image, Path file) throws DataFileException {
        if (image.isAlphaPremultiplied()) {
            image.coerceData(false);
        }
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            return fromPalette(image.getRaster(), icm);
        }
        int type = cm.getColorSpace().getType();
        if (type != ColorSpace.TYPE_GRAY && type != ColorSpace.TYPE_RGB) {
            throw new DataFileException(file, "colour space type " + type + " with " + cm.getNumColorComponents()
                    + " components is not supported (only grey and RGB)");
        }
        Raster r = image.getRaster();
        int bands = r.getNumBands();
        int w = r.getWidth();
        int h = r.getHeight();
        float[] out = new float[bands * h * w];
        boolean floating = r.getTransferType() == DataBuffer.TYPE_FLOAT || r.getTransferType() == DataBuffer.TYPE_DOUBLE;
        int depth = 0;
        float[] row = new float[w];
        int[] irow = new int[w];
        for (int b = 0; b < bands; b++) {
            int bits = cm.getComponentSize(b);
            depth = Math.max(depth, bits);
            double scale = floating ? 1.0 : 1.0 / ((1L << bits) - 1);
            for (int y = 0; y < h; y++) {
                int at = (b * h + y) * w;
                if (floating) {
                    r.getSamples(0, y, w, 1, b, row);
                    System.arraycopy(row, 0, out, at, w);
                } else {
                    r.getSamples(0, y, w, 1, b, irow);
                    for (int x = 0; x < w; x++) {
                        // the int holds the unsigned sample for every integer buffer type up to 31 bits
                        out[at + x] = (float) ((irow[x] & 0xffffffffL) * scale);
                    }
                }
            }
        }
        return new Decoded(FloatNd.of(Shape.of(bands, h, w), out), depth);
    }

    private static Decoded fromPalette(Raster r, IndexColorModel icm) {
        int n = icm.getMapSize();
        boolean grey = true;
        boolean alpha = false;
        for (int i = 0; i < n; i++) {
            grey &= icm.getRed(i) == icm.getGreen(i) && icm.getGreen(i) == icm.getBlue(i);
            alpha |= icm.getAlpha(i) != 255;
        }
        int colours = grey ? 1 : 3;
        int channels = colours + (alpha ? 1 : 0);
        int w = r.getWidth();
        int h = r.getHeight();
        int plane = w * h;
        float[] out = new float[channels * plane];
        int[] index = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, index);
            for (int x = 0; x < w; x++) {
                int i = index[x];
                int at = y * w + x;
                if (grey) {
                    out[at] = icm.getRed(i) / 255f;
                } else {
                    out[at] = icm.getRed(i) / 255f;
                    out[plane + at] = icm.getGreen(i) / 255f;
                    out[2 * plane + at] = icm.getBlue(i) / 255f;
                }
                if (alpha) {
                    out[colours * plane + at] = icm.getAlpha(i) / 255f;
                }
            }
        }
        return new Decoded(FloatNd.of(Shape.of(channels, h, w), out), 8);
    }

    /**
     * An image holding {@code data} {@code [C, H, W]} (C from 1 to 4, as {@link #read} gives them) as
     * {@code bitDepth}-bit samples: each value is clamped to {@code [0, 1]} and rounded to the nearest
     * of the {@code 2^bitDepth} levels. 8-bit images use the standard types (grey, BGR, ABGR) that every
     * ImageIO writer accepts.
     *
     * @throws IllegalArgumentException when the shape is not {@code [1..4, H, W]}, the depth is not 8
     *                                  or 16, or a value is NaN
     */
    public static BufferedImage image(FloatNd data, int bitDepth) {
        Shape s = data.shape();
        if (s.rank() != 3 || s.dim(0) < 1 || s.dim(0) > 4 || s.dim(1) < 1 || s.dim(2) < 1) {
            throw new IllegalArgumentException("an image must be [channels 1..4, height, width], got " + s);
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        }
        int c = s.dim(0);
        int h = s.dim(1);
        int w = s.dim(2);
        BufferedImage image = blank(c, h, w, bitDepth);
        WritableRaster r = image.getRaster();
        int max = (1 << bitDepth) - 1;
        int[] row = new int[w];
        float[] v = data.data();
        int base = data.offset();
        for (int b = 0; b < c; b++) {
            for (int y = 0; y < h; y++) {
                int at = base + (b * h + y) * w;
                for (int x = 0; x < w; x++) {
                    row[x] = quantise(v[at + x], max, b, y, x);
                }
                r.setSamples(0, y, w, 1, b, row);
            }
        }
        return image;
    }

    /** {@code v} clamped to [0, 1] as the nearest of {@code max + 1} levels. */
    static int quantise(float v, int max, int channel, int y, int x) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("value at channel " + channel + ", row " + y + ", column " + x
                    + " is NaN");
        }
        return Math.round(Math.min(1f, Math.max(0f, v)) * max);
    }

    private static BufferedImage blank(int channels, int h, int w, int bitDepth) {
        if (bitDepth == 8 && channels != 2) {
            int type = channels == 1 ? BufferedImage.TYPE_BYTE_GRAY
                    : channels == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_4BYTE_ABGR;
            return new BufferedImage(w, h, type);
        }
        boolean alpha = channels == 2 || channels == 4;
        ColorSpace cs = ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel cm = new ComponentColorModel(cs, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bitDepth == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    }
}
