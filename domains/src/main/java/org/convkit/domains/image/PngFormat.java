package org.convkit.domains.image;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;

/**
 * PNG: every colour type and bit depth ImageIO decodes (grey, grey and alpha, RGB, RGBA at 8 or 16
 * bits, palette and 1-, 2- and 4-bit grey). Writes grey, grey and alpha, RGB or RGBA (1 to 4
 * channels) at 8 bits, or at 16 bits when the metadata property {@value ImageIoFormat#BIT_DEPTH} is
 * {@code "16"} (as it is for a 16-bit source).
 *
 * <p>Before decoding, the chunk sequence is walked against the file length: a file that ends before
 * its {@code IEND} chunk is truncated (ImageIO reads such a file without complaint when only the end is
 * missing), and {@code IHDR} may not declare more pixel data than its {@code IDAT} chunks can hold
 * (deflate expands at most 1032:1).
 */
public final class PngFormat extends ImageIoFormat {

    /** Deflate's largest expansion: 258 bytes from two 1-bit codes. */
    private static final long DEFLATE_MAX_RATIO = 1032;

    public PngFormat() {
        super("png", List.of("png"), "png");
    }

    @Override
    protected boolean hasMagic(byte[] head) {
        return startsWith(head, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
    }

    @Override
    protected void checkStructure(Path file, long length) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.skipNBytes(8);
            long pos = 8;
            long idat = 0;
            long raw = -1;
            while (true) {
                if (pos + 12 > length) {
                    throw new DataFileException(file, "the file ends at byte " + length
                            + " inside a chunk header, before the IEND chunk (truncated)");
                }
                long size = in.readInt() & 0xffffffffL;
                String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                if (size > length - pos - 12) {
                    throw new DataFileException(file, "chunk '" + type + "' at byte " + pos + " declares " + size
                            + " bytes but the file ends " + (length - pos - 12) + " bytes after its header (truncated)");
                }
                if (type.equals("IHDR") && size >= 13) {
                    long w = in.readInt() & 0xffffffffL;
                    long h = in.readInt() & 0xffffffffL;
                    int depth = in.readUnsignedByte();
                    int colourType = in.readUnsignedByte();
                    checkSize(file, w, h);
                    raw = h * (1 + (w * samplesPerPixel(colourType) * depth + 7) / 8);
                    in.skipNBytes(size - 10 + 4);
                } else {
                    if (type.equals("IDAT")) {
                        idat += size;
                    }
                    in.skipNBytes(size + 4);
                }
                pos += 12 + size;
                if (type.equals("IEND")) {
                    break;
                }
            }
            if (raw > DEFLATE_MAX_RATIO * (idat + 1)) {
                throw new DataFileException(file, "field 'IHDR' declares " + raw + " bytes of pixel data but the IDAT"
                        + " chunks hold " + idat + " bytes, more than deflate can expand to");
            }
        }
    }

    private static int samplesPerPixel(int colourType) {
        switch (colourType) {
            case 2:
                return 3;
            case 4:
                return 2;
            case 6:
                return 4;
            default:
                return 1;
        }
    }

    @Override
    protected BufferedImage toImage(FloatNd data, Metadata metadata) {
        requireChannels(data, 1, 2, 3, 4);
        return ImagePixels.image(data, sixteenBit(metadata) ? 16 : 8);
    }
}
