package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.cli.testdomain.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad files: exit code 2, one line on stderr naming the file or option, nothing written. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertBadInput(Cli r, String mentions) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(mentions), "'" + mentions + "' missing from: " + r.err());
    }

    @Test
    void trainOnAMissingFolderNamesIt() {
        Path missing = dir.resolve("nowhere");
        assertBadInput(Cli.run("train", "--domain", "test-signal", "--data", missing.toString(), "-o",
                dir.resolve("m.ckpt").toString()), "nowhere");
    }

    @Test
    void trainWithAnUnknownDomainNamesTheDomainsFound() throws IOException {
        Path data = TestData.classFolders(dir.resolve("d"), 1, 1L);
        assertBadInput(Cli.run("train", "--domain", "nope", "--data", data.toString(), "-o",
                dir.resolve("m.ckpt").toString()), "test-signal");
    }

    @Test
    void trainWithABadOptionValueNamesTheOption() throws IOException {
        Path data = TestData.classFolders(dir.resolve("d"), 1, 1L);
        assertBadInput(Cli.run("train", "--domain", "test-signal", "--data", data.toString(), "--val-split", "1.5",
                "-o", dir.resolve("m.ckpt").toString()), "--val-split");
        assertBadInput(Cli.run("train", "--domain", "test-signal", "--data", data.toString(), "--optimizer", "rmsprop",
                "-o", dir.resolve("m.ckpt").toString()), "--optimizer");
        assertFalse(Files.exists(dir.resolve("m.ckpt")));
    }

    @Test
    void anArchitectureNeitherInTheZooNorValidNotationIsBadInput() throws IOException {
        Path data = TestData.classFolders(dir.resolve("d"), 2, 1L);
        assertBadInput(Cli.run("train", "--domain", "test-signal", "--data", data.toString(), "--arch", "resnet99",
                "-o", dir.resolve("m.ckpt").toString()), "resnet99");
    }

    @Test
    void transferFromAMissingModelNamesIt() throws IOException {
        Path data = TestData.classFolders(dir.resolve("d"), 2, 1L);
        assertBadInput(Cli.run("train", "--domain", "test-signal", "--data", data.toString(), "--from",
                dir.resolve("base.ckpt").toString(), "--freeze-until", "conv2", "-o", dir.resolve("m.ckpt").toString()),
                "base.ckpt");
    }

    @Test
    void aDamagedModelFileIsNamed() throws IOException {
        Path model = Files.writeString(dir.resolve("broken.ckpt"), "not a zip");
        Path f = TestData.file(dir.resolve("x.tsig"), 0, 1L);
        assertBadInput(Cli.run("predict", "--model", model.toString(), f.toString()), "broken.ckpt");
    }

    @Test
    void aTruncatedDataFileIsNamed() throws IOException {
        Path f = TestData.file(dir.resolve("x.tsig"), 0, 1L);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        assertBadInput(Cli.run("info", f.toString()), "x.tsig");
    }

    @Test
    void anUnrecognisedFileNamesTheFormatsTried() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertBadInput(Cli.run("info", f.toString()), "notes.txt");
    }

    @Test
    void spectrogramToAnUnknownExtensionIsBadInput() throws IOException {
        Path f = TestData.file(dir.resolve("x.tsig"), 0, 1L);
        assertBadInput(Cli.run("spectrogram", f.toString(), "-o", dir.resolve("s.jpg").toString()), "s.jpg");
    }

    @Test
    void anUnknownKernelListsTheKnownOnes() throws IOException {
        Path f = TestData.file(dir.resolve("x.tsig"), 0, 1L);
        assertBadInput(Cli.run("kernel", "sharpen", f.toString(), "-o", dir.resolve("k.png").toString()), "sobel-x");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Cli r = Cli.run("info", dir.resolve("none.tsig").toString(), "--verbose");
        assertEquals(2, r.code());
        assertTrue(r.errLines().size() > 1 && r.err().contains("\tat "), r.err());
    }

    @Test
    void predictJsonAndCsvExcludeEachOther() throws IOException {
        Path f = TestData.file(dir.resolve("x.tsig"), 0, 1L);
        Cli r = Cli.run("predict", "--model", dir.resolve("m.ckpt").toString(), f.toString(), "--json", "--csv");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
    }
}
