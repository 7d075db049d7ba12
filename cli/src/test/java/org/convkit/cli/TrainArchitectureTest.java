package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.Parameter;
import org.convkit.cli.testdomain.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --arch} with zoo names and the notation, and {@code train --from --freeze-until}. */
class TrainArchitectureTest {

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void makeData() throws IOException {
        data = TestData.classFolders(dir.resolve("data"), 6, 3L);
    }

    private static Cli train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--domain", "test-signal", "--data",
                data.toString(), "--epochs", "2", "--batch", "16", "--threads", "2", "--quiet", "-o", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void notationBuildsTheNetworkItDescribes() throws IOException {
        Path out = dir.resolve("notation.ckpt");
        Cli r = train(out, "--arch", "C[8,5]RP(C[8,3]R)2GF");
        assertEquals(0, r.code(), r.err());
        List<String> layers = ModelFile.load(out).model().layerNames();
        assertEquals(3, layers.stream().filter(n -> n.startsWith("conv")).count(), layers.toString());
        assertTrue(layers.get(layers.size() - 1).startsWith("linear"), layers.toString());
    }

    @Test
    void zooNameBuildsTheZooNetworkForOneDimensionalInputs() throws IOException {
        Path out = dir.resolve("lenet.ckpt");
        Cli r = train(out, "--arch", "lenet5");
        assertEquals(0, r.code(), r.err());
        LoadedModel m = ModelFile.load(out);
        assertEquals(5, m.model().layerNames().stream().filter(n -> n.startsWith("conv") || n.startsWith("linear"))
                .count(), m.model().layerNames().toString());
    }

    @Test
    void badNotationIsExitTwoNamingThePosition() {
        Cli r = train(dir.resolve("bad.ckpt"), "--arch", "(CR)2Px");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("at 7: expected a digit"), r.err());
        assertFalse(Files.exists(dir.resolve("bad.ckpt")));
    }

    @Test
    void fromFreezeUntilKeepsTheFrozenWeightsAndTrainsTheNewHead() throws IOException {
        Path source = dir.resolve("source.ckpt");
        assertEquals(0, train(source).code());
        LoadedModel before = ModelFile.load(source);
        List<String> layers = before.model().layerNames();
        String firstConv = layers.get(0);
        Path tuned = dir.resolve("tuned.ckpt");
        Cli r = train(tuned, "--from", source.toString(), "--freeze-until", firstConv, "--seed", "8");
        assertEquals(0, r.code(), r.err());
        LoadedModel after = ModelFile.load(tuned);
        for (var e : before.model().parameters().entrySet()) {
            Parameter now = after.model().parameters().get(e.getKey());
            boolean same = Arrays.equals(e.getValue().value().toArray(), now.value().toArray());
            if (e.getKey().startsWith(firstConv + ".")) {
                assertTrue(same, e.getKey() + " was frozen but changed");
            } else {
                assertFalse(same, e.getKey() + " was trainable but did not change");
            }
        }
    }

    @Test
    void freezeUntilAnAbsentLayerIsExitTwoListingTheLayers() throws IOException {
        Path source = dir.resolve("source2.ckpt");
        assertEquals(0, train(source).code());
        Cli r = train(dir.resolve("t2.ckpt"), "--from", source.toString(), "--freeze-until", "nope");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("nope") && r.err().contains("conv"), r.err());
    }
}
