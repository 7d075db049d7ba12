package org.convkit.domains.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;

/**
 * GIF, first frame only, read through its palette (grey when every entry is grey, else RGB, plus
 * alpha for a transparent entry). Writes grey or RGB (1 or 3 channels) through a palette: exact when
 * the image, rounded to 8 bits, has at most 256 colours; otherwise every channel is rounded to 6
 * levels ({@code 0, 51, ..., 255}, 216 colours, no dithering), so that a file read back writes again
 * to the same values. A file must end with the GIF trailer byte {@code 0x3B}.
 */
public final class GifFormat extends ImageIoFormat {

    private static final int TRAILER = 0x3b;
    private static final int LEVELS = 6;

    public GifFormat() {
        super("gif", List.of("gif"), "gif");
    }

    @Override
    protected boolean hasMagic(byte[] head) {
        return startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a');
    }

    @Override
    protected void checkStructure(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, length - 1);
            if ((last.get(0) & 0xff) != TRAILER) {
                throw new DataFileException(file, String.format("the last byte is 0x%02x, not the GIF trailer 0x3B"
                        + " (truncated)", last.get(0) & 0xff));
            }
        }
    }

    @Override
    protected BufferedImage toImage(FloatNd data, Metadata metadata) {
        requireChannels(data, 1, 3);
        int c = data.shape().dim(0);
        int h = data.shape().dim(1);
        int w = data.shape().dim(2);
        int[] rgb = rgb8(data, c, h, w);
        Map<Integer, Integer> palette = palette(rgb);
        if (palette.size() > 256) {
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = coarse(rgb[i]);
            }
            palette = palette(rgb);
        }
        byte[] r = new byte[palette.size()];
        byte[] g = new byte[palette.size()];
        byte[] b = new byte[palette.size()];
        for (Map.Entry<Integer, Integer> e : palette.entrySet()) {
            r[e.getValue()] = (byte) (e.getKey() >> 16);
            g[e.getValue()] = (byte) (e.getKey() >> 8);
            b[e.getValue()] = (byte) (int) e.getKey();
        }
        IndexColorModel icm = new IndexColorModel(8, palette.size(), r, g, b);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, icm);
        WritableRaster raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = palette.get(rgb[y * w + x]);
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return image;
    }

    /** Each pixel as 0xRRGGBB of 8-bit samples (grey repeated in the three). */
    private static int[] rgb8(FloatNd data, int c, int h, int w) {
        float[] v = data.data();
        int base = data.offset();
        int plane = h * w;
        int[] out = new int[plane];
        for (int i = 0; i < plane; i++) {
            int[] s = new int[3];
            for (int k = 0; k < 3; k++) {
                int ch = c == 1 ? 0 : k;
                s[k] = ImagePixels.quantise(v[base + ch * plane + i], 255, ch, i / w, i % w);
            }
            out[i] = s[0] << 16 | s[1] << 8 | s[2];
        }
        return out;
    }

    /** Colour to palette index, in order of first appearance. */
    private static Map<Integer, Integer> palette(int[] rgb) {
        Map<Integer, Integer> p = new LinkedHashMap<>();
        for (int v : rgb) {
            if (p.size() > 256) {
                break;
            }
            p.putIfAbsent(v, p.size());
        }
        return p;
    }

    private static int coarse(int rgb) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int level = Math.round(((rgb >> shift) & 0xff) * (LEVELS - 1) / 255f);
            out |= (level * 255 / (LEVELS - 1)) << shift;
        }
        return out;
    }
}
