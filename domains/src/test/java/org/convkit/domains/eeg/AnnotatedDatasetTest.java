package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.train.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of EDF+ files with annotations loads as windows labelled by the annotation at their centre. */
class AnnotatedDatasetTest {

    @TempDir
    Path dir;

    private final Domain eeg = Domains.named("eeg");

    private static DataFile recording(int seconds, List<Annotation> events, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 128 * seconds;
        double[] x = new double[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 20 * (rng.nextDouble() - 0.5);
        }
        return new DataFile("edf", DoubleNd.of(Shape.of(2, n), x),
                new Metadata(128, List.of(), events, null, null, Map.of()));
    }

    @Test
    void windowsOutsideAnnotationsAreDroppedAndTheRestLabelled() throws IOException {
        // 12 s: windows start every second, centres at 1..11 s
        List<Annotation> events = List.of(new Annotation(0, 4, "rest"), new Annotation(5, 4, "move"),
                new Annotation(10, 0, "blink"));
        Path file = dir.resolve("s01.edf");
        eeg.write(recording(12, events, 1L), file);
        Dataset d = eeg.dataset(dir);
        assertEquals(List.of("move", "rest"), d.classNames());
        // centres 1, 2, 3 s in 'rest'; 5, 6, 7, 8 s in 'move'; 4 s and 9..11 s in nothing
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 0}, d.labels());
        float[] all = eeg.samples(eeg.read(file)).toArray();
        int item = 2 * 256;
        int[] kept = {0, 1, 2, 4, 5, 6, 7};
        float[] got = d.features().toArray();
        for (int i = 0; i < kept.length; i++) {
            assertArrayEquals(Arrays.copyOfRange(all, kept[i] * item, (kept[i] + 1) * item),
                    Arrays.copyOfRange(got, i * item, (i + 1) * item), "window " + kept[i]);
        }
    }

    @Test
    void filesAreTakenInNameOrderAndClassesInNameOrder() throws IOException {
        eeg.write(recording(4, List.of(new Annotation(0, 4, "b")), 2L), dir.resolve("2.edf"));
        eeg.write(recording(4, List.of(new Annotation(0, 4, "c")), 3L), dir.resolve("1.bdf"));
        eeg.write(recording(4, List.of(new Annotation(0, 4, "a")), 4L), dir.resolve("3.edf"));
        Dataset d = eeg.dataset(dir);
        assertEquals(List.of("a", "b", "c"), d.classNames());
        assertArrayEquals(new int[] {2, 2, 2, 1, 1, 1, 0, 0, 0}, d.labels());
    }

    @Test
    void oneAnnotatedFileIsADatasetByItself() throws IOException {
        Path file = dir.resolve("one.edf");
        eeg.write(recording(6, List.of(new Annotation(0, 3, "x"), new Annotation(3, 3, "y")), 5L), file);
        Dataset d = eeg.dataset(file);
        // centres 1..5 s: 1, 2 in x; 3, 4, 5 in y
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, d.labels());
    }

    @Test
    void syntheticFilesInOneFolderLabelThemselves() throws IOException {
        for (int c = 0; c < 3; c++) {
            eeg.write(eeg.syntheticFile(c, 10L + c), dir.resolve("rec" + c + ".edf"));
        }
        Dataset d = eeg.dataset(dir);
        assertEquals(eeg.syntheticClasses(), d.classNames());
        assertEquals(15, d.size());
        assertArrayEquals(new int[] {5, 5, 5}, d.classCounts());
    }

    @Test
    void filesWhoseAnnotationsCoverNoWindowAreRejected() throws IOException {
        eeg.write(recording(4, List.of(new Annotation(1, 0, "blink")), 6L), dir.resolve("a.edf"));
        DataFileException e = assertThrows(DataFileException.class, () -> eeg.dataset(dir));
        assertTrue(e.getMessage().contains("no window centre lies in an annotation"), e.getMessage());
    }

    @Test
    void folderPerClassStillLoadsTheGenericWay() throws IOException {
        Path a = Files.createDirectories(dir.resolve("data/left"));
        Path b = Files.createDirectories(dir.resolve("data/right"));
        eeg.write(recording(4, List.of(), 7L), a.resolve("x.edf"));
        eeg.write(recording(5, List.of(), 8L), b.resolve("y.edf"));
        Dataset d = eeg.dataset(dir.resolve("data"));
        assertEquals(List.of("left", "right"), d.classNames());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1}, d.labels());
    }
}
