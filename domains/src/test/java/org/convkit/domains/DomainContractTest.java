package org.convkit.domains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.train.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every domain plugin passes: found through ServiceLoader, every writer round-trips its
 * synthetic file (values within the format's quantisation, metadata kept), bad files are rejected
 * with a {@link DataFileException}, synthetic data is deterministic and its samples fit the default
 * network. A plugin's test is a subclass naming the domain and the tolerance of its lossiest writer.
 */
public abstract class DomainContractTest {

    @TempDir
    Path dir;

    /** The domain's name, as {@link Domain#name()}. */
    protected abstract String domainName();

    /**
     * The largest absolute difference a write then read may introduce for {@code format}
     * (0 for lossless formats; half a quantisation step for PCM, EDF and 8-bit images).
     */
    protected abstract double roundTripTolerance(FileFormat format);

    /**
     * The largest absolute difference writing a file that was read back may introduce: 0 (the values
     * are already quantised as the format holds them), except for lossy formats (JPEG) whose encoder
     * is not idempotent.
     */
    protected double secondRoundTripTolerance(FileFormat format) {
        return 0.0;
    }

    /** The domain under test, found through ServiceLoader as the CLI finds it. */
    protected final Domain domain() {
        return Domains.named(domainName());
    }

    @Test
    void isFoundThroughServiceLoaderWithItsCell() {
        Domain d = domain();
        assertEquals(domainName(), d.name());
        assertTrue(d.rank() >= 1 && d.rank() <= 3, "rank " + d.rank());
        assertFalse(d.formats().isEmpty());
        assertFalse(d.description().isBlank());
        assertEquals(d.rank() + 1, d.sampleShape().rank(), "sample shape [C, spatial...] " + d.sampleShape());
    }

    @Test
    void everyWriterRoundTripsTheSyntheticFile() throws IOException {
        DataFile original = domain().syntheticFile(0, 7L);
        int written = 0;
        for (FileFormat f : domain().formats()) {
            if (!f.canWrite()) {
                continue;
            }
            Path file = dir.resolve("round-trip." + f.extensions().get(0));
            f.write(original, file);
            assertTrue(f.recognises(file, head(file)), f.name() + " does not recognise its own file");
            DataFile back = domain().read(file);
            assertEquals(original.data().shape(), back.data().shape(), f.name() + " shape");
            double err = maxAbsDiff(original.data(), back.data());
            assertTrue(err <= roundTripTolerance(f), f.name() + " changed values by " + err);
            assertMetadataKept(original, back, f);
            // and the written file reads back to the same values when written again
            Path again = dir.resolve("again." + f.extensions().get(0));
            f.write(back, again);
            assertTrue(maxAbsDiff(back.data(), domain().read(again).data()) <= secondRoundTripTolerance(f),
                    f.name() + " second round trip");
            written++;
        }
        assertTrue(written > 0, domainName() + " has no writable format");
    }

    /** Checks the metadata a writer must keep; by default the sample rate and channel labels. */
    protected void assertMetadataKept(DataFile original, DataFile back, FileFormat format) {
        double rate = original.metadata().sampleRate();
        if (!Double.isNaN(rate)) {
            assertEquals(rate, back.metadata().sampleRate(), 1e-9 * rate, format.name() + " sample rate");
        }
        if (!original.metadata().channels().isEmpty() && !back.metadata().channels().isEmpty()) {
            assertEquals(original.metadata().channels().stream().map(c -> c.label()).toList(),
                    back.metadata().channels().stream().map(c -> c.label()).toList(), format.name() + " channel labels");
        }
    }

    @Test
    void truncatedFilesAreRejectedWithTheFileNamed() throws IOException {
        DataFile original = domain().syntheticFile(1, 3L);
        for (FileFormat f : domain().formats()) {
            if (!f.canWrite()) {
                continue;
            }
            Path file = dir.resolve("whole." + f.extensions().get(0));
            f.write(original, file);
            if (Files.isDirectory(file)) {
                continue; // a format written as a folder (numbered frames) tests its damaged files itself
            }
            byte[] bytes = Files.readAllBytes(file);
            for (int keep : new int[] {bytes.length / 2, Math.min(bytes.length - 1, 40), 0}) {
                Path cut = dir.resolve("cut" + keep + "." + f.extensions().get(0));
                Files.write(cut, Arrays.copyOf(bytes, keep));
                IOException e = assertThrows(IOException.class, () -> f.read(cut),
                        f.name() + " read a file cut to " + keep + " of " + bytes.length + " bytes");
                assertTrue(e.getMessage().contains(cut.getFileName().toString()),
                        f.name() + " error does not name the file: " + e.getMessage());
            }
        }
    }

    @Test
    void garbageWithTheRightNameIsNotRecognisedOrIsRejected() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(11).nextBytes(garbage);
        for (FileFormat f : domain().formats()) {
            Path file = dir.resolve("garbage." + f.extensions().get(0));
            Files.write(file, garbage);
            if (f.recognises(file, Arrays.copyOf(garbage, 512))) {
                assertThrows(DataFileException.class, () -> f.read(file), f.name() + " read random bytes");
            }
        }
    }

    @Test
    void syntheticDataIsDeterministicInItsSeed() throws IOException {
        Dataset a = domain().synthetic(2, 99L);
        Dataset b = domain().synthetic(2, 99L);
        Dataset c = domain().synthetic(2, 100L);
        assertArrayEquals(a.features().toArray(), b.features().toArray());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.features().toArray(), c.features().toArray()), "seed ignored");
        assertEquals(domain().syntheticClasses(), a.classNames());
        assertEquals(domain().sampleShape(), a.sampleShape());
    }

    @Test
    void defaultNetworkTakesTheSamplesAndGivesOneScorePerClass() throws IOException {
        Dataset data = domain().synthetic(1, 5L);
        Model net = Model.build(domain().defaultNetwork(data.sampleShape(), data.classes()));
        Shape out = net.outputShape(Shape.of(prepend(2, data.sampleShape())));
        assertEquals(Shape.of(2, data.classes()), out);
    }

    @Test
    void filesSavedInAFolderPerClassLoadAsADataset() throws IOException {
        List<String> classes = domain().syntheticClasses();
        FileFormat writer = domain().formats().stream().filter(FileFormat::canWrite).findFirst().orElseThrow();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = Files.createDirectories(dir.resolve("data").resolve(String.format("%02d-%s", c, classes.get(c))));
            writer.write(domain().syntheticFile(c, 40L + c), classDir.resolve("a." + writer.extensions().get(0)));
        }
        Dataset data = domain().dataset(dir.resolve("data"));
        assertEquals(classes.size(), data.classes());
        assertEquals(domain().sampleShape(), data.sampleShape());
    }

    private static int[] prepend(int n, Shape s) {
        int[] dims = new int[s.rank() + 1];
        dims[0] = n;
        for (int a = 0; a < s.rank(); a++) {
            dims[a + 1] = s.dim(a);
        }
        return dims;
    }

    private static byte[] head(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new byte[0]; // as Domains.formatFor: a format written as a folder has no head
        }
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOf(all, Math.min(all.length, 512));
    }

    private static double maxAbsDiff(NdArray a, NdArray b) {
        double max = 0;
        for (int i = 0; i < a.shape().size(); i++) {
            max = Math.max(max, Math.abs(a.getDouble(i) - b.getDouble(i)));
        }
        return max;
    }

}
