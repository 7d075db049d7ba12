package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convkit demo D} for every real domain, one epoch to keep it short: it finishes, prints the
 * held-out accuracy line, and every plot it names is a PNG that javax.imageio reads.
 */
class DemoAllDomainsTest {

    @TempDir
    Path dir;

    static java.util.stream.Stream<String> domains() {
        return DomainEndToEndTest.domains();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void theDemoRunsPrintsItsAccuracyAndWritesReadablePlots(String name) throws IOException {
        Path out = dir.resolve("demo-" + name);
        Cli r = Cli.run("demo", name, "--out", out.toString(), "--quiet", "--threads", "2", "--epochs", "1");
        assertEquals(0, r.code(), name + ": " + r.err());
        Matcher m = Pattern.compile("held-out test accuracy (\\d\\.\\d+) on (\\d+) samples").matcher(r.out());
        assertTrue(m.find(), r.out());
        double accuracy = Double.parseDouble(m.group(1));
        assertTrue(accuracy >= 0 && accuracy <= 1, r.out());
        List<Path> plots = r.out().lines().filter(l -> l.startsWith("plot:")).map(l -> Path.of(l.substring(5).trim()))
                .toList();
        assertFalse(plots.isEmpty(), r.out());
        assertTrue(plots.contains(out.resolve("training-curves.png")) && plots.contains(out.resolve("confusion.png")),
                r.out());
        for (Path p : plots) {
            assertTrue(p.startsWith(out), p + " is outside " + out);
            assertTrue(Files.isRegularFile(p), p.toString());
            BufferedImage image = ImageIO.read(p.toFile());
            assertNotNull(image, p + " is not an image javax.imageio reads");
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, p + " is " + image.getWidth() + "x"
                    + image.getHeight());
            byte[] magic = new byte[8];
            System.arraycopy(Files.readAllBytes(p), 0, magic, 0, 8);
            assertEquals("\u0089PNG\r\n\u001a\n", new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1),
                    p.toString());
        }
        assertTrue(Files.isRegularFile(out.resolve("model.ckpt")), name);
    }
}
