package org.convkit.domains.image;

import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;

/**
 * JPEG (baseline and progressive, grey or YCbCr, as ImageIO decodes them; CMYK is refused). Lossy
 * writes of grey or RGB (1 or 3 channels) at the quality in the metadata property
 * {@value #QUALITY} (0 to 1), by default {@value #DEFAULT_QUALITY}. ImageIO's warning on a file that
 * ends early ("Premature end of JPEG file") is an error.
 */
public final class JpegFormat extends ImageIoFormat {

    /** The metadata property holding the write quality, 0 to 1. */
    public static final String QUALITY = "jpegQuality";

    /** The write quality when none is given. */
    public static final float DEFAULT_QUALITY = 0.9f;

    public JpegFormat() {
        super("jpeg", List.of("jpg", "jpeg"), "jpeg");
    }

    @Override
    protected boolean hasMagic(byte[] head) {
        return startsWith(head, 0xff, 0xd8, 0xff);
    }

    @Override
    protected BufferedImage toImage(FloatNd data, Metadata metadata) {
        requireChannels(data, 1, 3);
        return ImagePixels.image(data, 8);
    }

    @Override
    protected ImageWriteParam writeParam(ImageWriter writer, Metadata metadata) {
        float quality = quality(metadata);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        return p;
    }

    private static float quality(Metadata metadata) {
        String q = metadata.properties().get(QUALITY);
        if (q == null) {
            return DEFAULT_QUALITY;
        }
        float v;
        try {
            v = Float.parseFloat(q);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + QUALITY + " must be a number in [0, 1], got '" + q + "'");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("property " + QUALITY + " must be in [0, 1], got " + v);
        }
        return v;
    }
}
