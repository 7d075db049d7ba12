package org.convkit.domains.image;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.io.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and lying image files are refused with a one-line error naming the file and the field. */
class ImageBadFilesTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws URISyntaxException {
        return Path.of(getClass().getResource(name).toURI());
    }

    private Path copy(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertRejected(FileFormat format, Path file, String... mentions) {
        DataFileException e = assertThrows(DataFileException.class, () -> format.read(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "'" + m + "' missing from: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aPngWithoutItsEndChunkIsTruncatedThoughImageIoWouldDecodeIt() throws Exception {
        byte[] png = Files.readAllBytes(fixture("rgb8.png"));
        for (int cut : new int[] {1, 10, 12}) {
            Path file = copy("cut" + cut + ".png", Arrays.copyOf(png, png.length - cut));
            assertRejected(new PngFormat(), file, "IEND");
        }
    }

    @Test
    void aPngCutInsideItsImageDataNamesTheChunk() throws Exception {
        byte[] png = Files.readAllBytes(fixture("rgb16.png"));
        assertRejected(new PngFormat(), copy("half.png", Arrays.copyOf(png, png.length / 2)), "IDAT");
    }

    @Test
    void aPngDeclaringMorePixelsThanTheCapIsRefusedNamingTheField() throws Exception {
        byte[] png = Files.readAllBytes(fixture("grey8.png"));
        ByteBuffer b = ByteBuffer.wrap(png); // IHDR data starts at byte 16: width, height, big-endian
        b.putInt(16, 100_000);
        b.putInt(20, 100_000);
        assertRejected(new PngFormat(), copy("huge.png", png), "'width'", "100000");
    }

    @Test
    void aPngDeclaringMorePixelsThanItsDataCanHoldIsRefusedBeforeDecoding() throws Exception {
        byte[] png = Files.readAllBytes(fixture("grey8.png"));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 16_000);
        b.putInt(20, 16_000);
        assertRejected(new PngFormat(), copy("lying.png", png), "'IHDR'", "256016000 bytes");
    }

    @Test
    void aTiffDeclaringMorePixelsThanTheCapIsRefusedBeforeDecoding() throws Exception {
        byte[] tif = Files.readAllBytes(fixture("rgb8.tif"));
        ByteBuffer b = ByteBuffer.wrap(tif).order(tif[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int patched = 0;
        for (int e = 0; e < (b.getShort(ifd) & 0xffff); e++) {
            int at = ifd + 2 + 12 * e;
            int tag = b.getShort(at) & 0xffff;
            if (tag == 256 || tag == 257) { // ImageWidth, ImageLength
                if (b.getShort(at + 2) == 3) {
                    b.putShort(at + 8, (short) 65535);
                } else {
                    b.putInt(at + 8, 65535);
                }
                patched++;
            }
        }
        assertTrue(patched == 2);
        assertRejected(new TiffFormat(), copy("huge.tif", tif), "'width' x 'height'", "65535 x 65535");
    }

    @Test
    void aJpegDeclaringMorePixelsThanTheCapIsRefusedBeforeDecoding() throws Exception {
        byte[] jpg = Files.readAllBytes(fixture("rgb8.jpg"));
        int sof = 2;
        while (!((jpg[sof] & 0xff) == 0xff && ((jpg[sof + 1] & 0xff) == 0xc0 || (jpg[sof + 1] & 0xff) == 0xc2))) {
            sof += 2 + ((jpg[sof + 2] & 0xff) << 8 | (jpg[sof + 3] & 0xff)); // skip the segment by its length
        }
        ByteBuffer.wrap(jpg).putShort(sof + 5, (short) 60000).putShort(sof + 7, (short) 60000); // height, width
        assertRejected(new JpegFormat(), copy("huge.jpg", jpg), "'width' x 'height'", "60000 x 60000");
    }

    @Test
    void aJpegCutShortIsAnErrorNotAPartialImage() throws Exception {
        byte[] jpg = Files.readAllBytes(fixture("rgb8.jpg"));
        for (int keep : new int[] {jpg.length - 2, jpg.length - 40}) {
            assertRejected(new JpegFormat(), copy("cut" + keep + ".jpg", Arrays.copyOf(jpg, keep)), "damaged jpeg");
        }
    }

    @Test
    void aGifWithoutItsTrailerIsTruncated() throws Exception {
        byte[] gif = Files.readAllBytes(fixture("palette.gif"));
        assertRejected(new GifFormat(), copy("cut.gif", Arrays.copyOf(gif, gif.length - 1)), "trailer");
    }

    @Test
    void aBmpWhoseRowsDoNotFitTheFileNamesTheFields() throws Exception {
        byte[] bmp = Files.readAllBytes(fixture("rgb8.bmp"));
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, 4000);
        assertRejected(new BmpFormat(), copy("tall.bmp", bmp), "'height'", "4000");
        byte[] whole = Files.readAllBytes(fixture("rgb8.bmp"));
        assertRejected(new BmpFormat(), copy("cut.bmp", Arrays.copyOf(whole, whole.length - 3)), "'width'");
    }

    @Test
    void aTiffCutInHalfIsRejected() throws Exception {
        byte[] tif = Files.readAllBytes(fixture("rgb16.tif"));
        assertRejected(new TiffFormat(), copy("cut.tif", Arrays.copyOf(tif, tif.length / 2)), "damaged tiff");
    }

    @Test
    void aFeatureTheDecoderLacksIsAnErrorNamingTheFile() throws Exception {
        // 16-bit samples with TIFF's horizontal predictor: the JDK's reader refuses them
        assertRejected(new TiffFormat(), fixture("rgb16-predictor.tif"), "Predictor");
    }

    @Test
    void aFileOfAnotherFormatIsRefusedByItsMagicBytes() throws Exception {
        assertRejected(new JpegFormat(), copy("png-inside.jpg", Files.readAllBytes(fixture("rgb8.png"))),
                "not a jpeg file");
        assertRejected(new PngFormat(), copy("empty.png", new byte[0]), "empty");
    }

    @Test
    void theDomainChoosesTheFormatByContentNotByName() throws Exception {
        Path misnamed = copy("really-a-png.jpg", Files.readAllBytes(fixture("rgb8.png")));
        assertTrue(new ImageDomain().read(misnamed).format().equals("png"));
    }
}
