package org.convkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convkit.api.io.Idx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mnist-lenet} on a small IDX folder cut from the bundled MNIST subset (192 training, 64 test images). */
class MnistLenetTest {
    /** Writes the first {@code count} items of the bundled {@code name} as an uncompressed IDX file in {@code dir}. */
    private static void cut(Path dir, String name, int count) throws IOException, URISyntaxException {
        Path subset = Path.of(MnistLenetTest.class.getResource("/org/convkit/cli/mnist-subset").toURI());
        Idx.Bytes all = Idx.read(subset.resolve(name + ".gz"));
        int rank = all.shape().rank();
        int per = all.shape().size() / all.shape().dim(0);
        try (OutputStream file = Files.newOutputStream(dir.resolve(name));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(Idx.UNSIGNED_BYTE << 8 | rank);
            out.writeInt(count);
            for (int d = 1; d < rank; d++) {
                out.writeInt(all.shape().dim(d));
            }
            out.write(all.data(), 0, count * per);
        }
    }

    @TempDir
    static Path dir;

    @BeforeAll
    static void cutSubset() throws IOException, URISyntaxException {
        cut(dir, "train-images-idx3-ubyte", 192);
        cut(dir, "train-labels-idx1-ubyte", 192);
        cut(dir, "t10k-images-idx3-ubyte", 64);
        cut(dir, "t10k-labels-idx1-ubyte", 64);
    }

    private static double accuracy(Workload w) {
        w.prepare(2, dir).run();
        return w.accuracy();
    }

    @Test
    void theSeedChoosesTheRunAndRepeatsIt() {
        Workload benchmark = new MnistLenet();
        choosesTheRunAndRepeatsIt(benchmark.withSeed(0), benchmark.withSeed(3), benchmark.withSeed(3));
    }

    @Test
    void theBenchmarkMovesItsImagesByOnePixelAndZeroTrainsWithoutMoves() {
        Workload benchmark = new MnistLenet();
        assertEquals(1, Workloads.MNIST_SHIFT);
        choosesTheRunAndRepeatsIt(benchmark.withShift(1), benchmark.withShift(0), benchmark.withSeed(0).withShift(0));
    }

    @Test
    void theSettingsNameTheSeedThenTheShift() {
        assertEquals(List.of(Map.entry("seed", 0L), Map.entry("augment_shift", 1L)),
                List.copyOf(new MnistLenet().settings().entrySet()));
        assertEquals(List.of(Map.entry("seed", 3L), Map.entry("augment_shift", 0L)),
                List.copyOf(new MnistLenet().withShift(0).withSeed(3).settings().entrySet()));
    }

    /**
     * {@code neutral} (a setting at its default) trains as the benchmark; {@code variant} learns,
     * differs from the benchmark, and {@code again}, built the same way, repeats it exactly.
     */
    private static void choosesTheRunAndRepeatsIt(Workload neutral, Workload variant, Workload again) {
        double benchmark = accuracy(new MnistLenet());
        double changed = accuracy(variant);
        assertTrue(benchmark > 0.3, "10 epochs of 192 images reach well above chance: " + benchmark);
        assertTrue(changed > 0.3, "the variant still learns: " + changed);
        assertEquals(benchmark, accuracy(neutral), "the default setting is the benchmark's");
        assertEquals(changed, accuracy(again), "the same setting repeats the run");
        assertNotEquals(benchmark, changed, "another setting trains another network");
    }

    @Test
    void workloadsWithoutTrainingIgnoreTheSeedAndShift() {
        for (Workload w : Workloads.all()) {
            if (!w.needsData()) {
                assertSame(w, w.withSeed(7), w.id());
                assertSame(w, w.withShift(2), w.id());
                assertTrue(w.settings().isEmpty(), w.id());
            }
        }
    }
}
