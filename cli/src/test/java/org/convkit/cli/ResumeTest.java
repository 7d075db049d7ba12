package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.Parameter;
import org.convkit.cli.testdomain.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    @TempDir
    Path dir;

    private Cli train(Path data, int epochs, Path model, String... extra) {
        String[] base = {"train", "--domain", "test-signal", "--data", data.toString(), "--epochs",
                Integer.toString(epochs), "--batch", "8", "--seed", "3", "--quiet", "-o", model.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void resumingAfterTwoEpochsEndsWithTheWeightsOfAnUninterruptedRun() throws IOException {
        Path data = TestData.classFolders(dir.resolve("d"), 4, 5L);
        assertEquals(0, train(data, 4, dir.resolve("straight.ckpt"), "--threads", "1").code());
        assertEquals(0, train(data, 2, dir.resolve("half.ckpt"), "--threads", "2").code());
        Cli resumed = train(data, 4, dir.resolve("resumed.ckpt"), "--resume", dir.resolve("half.ckpt.partial").toString(),
                "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());
        Map<String, Parameter> a = ModelFile.load(dir.resolve("straight.ckpt")).model().parameters();
        Map<String, Parameter> b = ModelFile.load(dir.resolve("resumed.ckpt")).model().parameters();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).value().toArray(), b.get(name).value().toArray(), name);
        }
    }

    @Test
    void resumingWithAnotherSeedIsBadInputNamingBothSeeds() throws IOException {
        Path data = TestData.classFolders(dir.resolve("d"), 2, 5L);
        assertEquals(0, train(data, 1, dir.resolve("m.ckpt")).code());
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", data.toString(), "--epochs", "2", "--batch", "8",
                "--seed", "4", "-o", dir.resolve("n.ckpt").toString(), "--resume", dir.resolve("m.ckpt.partial").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertEquals(true, r.err().contains("seed 3") && r.err().contains("seed 4"), r.err());
    }
}
