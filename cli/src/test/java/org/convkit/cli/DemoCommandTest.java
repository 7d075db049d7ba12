package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoOfTheTestDomainBeatsChanceAndWritesItsPlotsFilesAndModel() throws IOException {
        Path out = dir.resolve("demo");
        Cli r = Cli.run("demo", "test-signal", "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("held-out test accuracy (\\d\\.\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 0.8, r.out());
        assertTrue(r.out().contains("true\\pred"), r.out());
        assertTrue(r.out().contains(out.toString()), "the folder is named on stdout: " + r.out());
        for (String png : new String[] {"smoothing.png", "preprocessing.png", "preprocessing-response.png",
                "training-curves.png", "confusion.png"}) {
            assertTrue(ImageIO.read(out.resolve(png).toFile()).getWidth() > 500, png);
        }
        assertTrue(Files.isRegularFile(out.resolve("model.ckpt")));
        assertTrue(Files.isRegularFile(out.resolve("files/low.tsig")));
        assertTrue(Files.isRegularFile(out.resolve("files/high.tsig")));
    }

    @Test
    void theSameSeedGivesTheSameAccuracyWhateverTheThreads() {
        Cli a = Cli.run("demo", "test-signal", "--out", dir.resolve("a").toString(), "--threads", "1", "--quiet",
                "--epochs", "2");
        Cli b = Cli.run("demo", "test-signal", "--out", dir.resolve("b").toString(), "--threads", "2", "--quiet",
                "--epochs", "2");
        assertEquals(0, a.code(), a.err());
        assertEquals(accuracyLine(a.out()), accuracyLine(b.out()));
    }

    private static String accuracyLine(String out) {
        return out.lines().filter(l -> l.contains("held-out test accuracy")).findFirst().orElseThrow();
    }

    @Test
    void anUnknownDomainIsBadInputNamingTheDomainsFound() {
        Cli r = Cli.run("demo", "no-such-domain", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("no-such-domain") && r.err().contains("test-signal"), r.err());
    }
}
