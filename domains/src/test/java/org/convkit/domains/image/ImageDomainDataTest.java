package org.convkit.domains.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.train.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How files become samples and folders become data sets in the image domain. */
class ImageDomainDataTest {

    @TempDir
    Path dir;

    private final ImageDomain domain = new ImageDomain();

    @Test
    void greyIsRepeatedIntoThreeChannelsAndAlphaIsDropped() {
        float[] grey = {0.1f, 0.2f, 0.3f, 0.4f};
        float[] rgbOfGrey = domain.samples(file(FloatNd.of(Shape.of(1, 2, 2), grey))).toArray();
        float[] ga = {0.1f, 0.2f, 0.3f, 0.4f, 1f, 0f, 1f, 0f};
        float[] rgbOfGa = domain.samples(file(FloatNd.of(Shape.of(2, 2, 2), ga))).toArray();
        assertArrayEquals(rgbOfGrey, rgbOfGa, 0f);
        FloatNd rgba = FloatNd.zeros(Shape.of(4, 2, 2));
        for (int i = 0; i < 16; i++) {
            rgba.setDouble(i, i < 12 ? i / 12.0 : 0.5);
        }
        FloatNd three = FloatNd.of(Shape.of(3, 2, 2), java.util.Arrays.copyOf(rgba.toArray(), 12));
        assertArrayEquals(domain.samples(file(three)).toArray(), domain.samples(file(rgba)).toArray(), 0f);
    }

    @Test
    void aModelTakingGreyInputsGetsTheLumaOfAColourImage() {
        // one pixel each: pure red, green, blue and white; BT.601 luma weights
        float[] rgb = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1};
        FloatNd s = domain.samples(file(FloatNd.of(Shape.of(3, 2, 2), rgb)), Shape.of(1, 2, 2));
        assertEquals(Shape.of(1, 1, 2, 2), s.shape());
        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f, 1f}, s.toArray(), 1e-6f);
    }

    @Test
    void aModelTakingGreyInputsGetsAGreyImageUnchangedAndResized() {
        float[] grey = {0.1f, 0.2f, 0.3f, 0.4f};
        DataFile f = file(FloatNd.of(Shape.of(1, 2, 2), grey));
        assertArrayEquals(grey, domain.samples(f, Shape.of(1, 2, 2)).toArray(), 0f);
        assertEquals(Shape.of(1, 1, 28, 28), domain.samples(f, Shape.of(1, 28, 28)).shape());
        assertEquals(Shape.of(1, 3, 5, 7), domain.samples(f, Shape.of(3, 5, 7)).shape());
    }

    @Test
    void samplesHaveTheSampleShapeWhateverTheImageSize() {
        FloatNd s = domain.samples(file(FloatNd.zeros(Shape.of(3, 17, 50))));
        assertEquals(Shape.of(1, 3, 32, 32), s.shape());
        assertEquals(Shape.of(1, 3, 8, 12), new ImageDomain(Shape.of(3, 8, 12)).samples(file(FloatNd.zeros(
                Shape.of(1, 40, 40)))).shape());
    }

    @Test
    void aFolderOfIdxFilesLoadsItsTrainingPartAndAnImagesFileItsOwnPart() throws IOException {
        byte[] trainImages = new byte[3 * 2 * 3];
        for (int i = 0; i < trainImages.length; i++) {
            trainImages[i] = (byte) (i * 15);
        }
        idx(dir.resolve("train-images-idx3-ubyte"), trainImages, false, 3, 2, 3);
        idx(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {2, 0, 1}, true, 3);
        idx(dir.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {(byte) 255, 0, 0, 0, 0, 0}, true, 1, 2, 3);
        idx(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {1}, false, 1);
        Dataset train = domain.dataset(dir);
        assertEquals(Shape.of(3, 1, 2, 3), train.features().shape());
        assertArrayEquals(new int[] {2, 0, 1}, train.labels());
        assertEquals(List.of("0", "1", "2"), train.classNames());
        assertEquals(75 / 255f, train.features().getDouble(5), 0);
        Dataset test = domain.dataset(dir.resolve("t10k-images-idx3-ubyte.gz"));
        assertEquals(1, test.size());
        assertEquals(1.0, test.features().getDouble(0), 0);
    }

    @Test
    void aFolderPerClassMixesGreyAndColourFiles() throws IOException {
        Path a = Files.createDirectories(dir.resolve("data/a"));
        Path b = Files.createDirectories(dir.resolve("data/b"));
        new PngFormat().write(file(FloatNd.zeros(Shape.of(1, 10, 12))), a.resolve("grey.png"));
        new JpegFormat().write(domain.syntheticFile(1, 5L), b.resolve("colour.jpg"));
        new GifFormat().write(domain.syntheticFile(2, 6L), b.resolve("colour.gif"));
        Dataset d = domain.dataset(dir.resolve("data"));
        assertEquals(Shape.of(3, 3, 32, 32), d.features().shape());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
    }

    private static DataFile file(FloatNd data) {
        return new DataFile("png", data, Metadata.NONE);
    }

    /** Writes an unsigned-byte IDX file as LeCun's page defines it. */
    private static void idx(Path p, byte[] values, boolean gzip, int... dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(values);
        try (OutputStream f = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            f.write(bytes.toByteArray());
        }
    }
}
