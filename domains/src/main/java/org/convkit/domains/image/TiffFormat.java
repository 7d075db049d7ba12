package org.convkit.domains.image;

import java.awt.image.BufferedImage;
import java.util.List;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;

/**
 * TIFF (baseline and the extensions ImageIO decodes), first image only. Writes grey, grey and alpha,
 * RGB or RGBA, uncompressed, at 8 bits, or 16 bits when the metadata property
 * {@value ImageIoFormat#BIT_DEPTH} is {@code "16"}.
 */
public final class TiffFormat extends ImageIoFormat {

    public TiffFormat() {
        super("tiff", List.of("tif", "tiff"), "tiff");
    }

    @Override
    protected boolean hasMagic(byte[] head) {
        return startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42);
    }

    @Override
    protected BufferedImage toImage(FloatNd data, Metadata metadata) {
        requireChannels(data, 1, 2, 3, 4);
        return ImagePixels.image(data, sixteenBit(metadata) ? 16 : 8);
    }
}
