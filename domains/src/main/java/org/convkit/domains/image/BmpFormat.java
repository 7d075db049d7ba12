package org.convkit.domains.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;

/**
 * Windows BMP, read as ImageIO decodes it (1 to 32 bits, palette, bit fields, RLE). Writes 8-bit grey
 * (as a grey palette) or 24-bit RGB: 1 or 3 channels, no alpha. For uncompressed files the declared
 * rows are checked against the file length before decoding.
 */
public final class BmpFormat extends ImageIoFormat {

    private static final int BI_RGB = 0;
    private static final int BI_BITFIELDS = 3;

    public BmpFormat() {
        super("bmp", List.of("bmp"), "bmp");
    }

    @Override
    protected boolean hasMagic(byte[] head) {
        return startsWith(head, 'B', 'M');
    }

    @Override
    protected void checkStructure(Path file, long length) throws IOException {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(54);
        }
        if (h.length < 30) {
            throw new DataFileException(file, "the file ends at byte " + h.length + " inside the BMP header (truncated)");
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        long offset = b.getInt(10) & 0xffffffffL;
        long headerSize = b.getInt(14) & 0xffffffffL;
        if (headerSize == 12) {
            // the old OS/2 header: 16-bit width and height, always uncompressed
            checkRows(file, length, offset, b.getShort(18) & 0xffff, b.getShort(20) & 0xffff, b.getShort(24) & 0xffff);
            return;
        }
        if (h.length < 34) {
            throw new DataFileException(file, "the file ends at byte " + h.length + " inside the BMP header (truncated)");
        }
        long width = b.getInt(18);
        long height = Math.abs((long) b.getInt(22)); // negative: rows stored top-down
        int bits = b.getShort(28) & 0xffff;
        int compression = b.getInt(30);
        checkSize(file, width, height);
        if (compression == BI_RGB || compression == BI_BITFIELDS) {
            checkRows(file, length, offset, width, height, bits);
        }
    }

    private static void checkRows(Path file, long length, long offset, long width, long height, int bits)
            throws DataFileException {
        checkSize(file, width, height);
        long row = (width * bits + 31) / 32 * 4;
        if (offset + row * height > length) {
            throw new DataFileException(file, "fields 'width' x 'height' x 'bitCount' (" + width + " x " + height + " x "
                    + bits + ") declare " + row * height + " bytes of pixels from byte " + offset + " but the file holds "
                    + length + " bytes");
        }
    }

    @Override
    protected BufferedImage toImage(FloatNd data, Metadata metadata) {
        requireChannels(data, 1, 3);
        return ImagePixels.image(data, 8);
    }
}
