package org.convkit.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path p = dir.resolve("out.txt");
        Files.writeString(p, "old");
        AtomicFiles.write(p, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(p));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void failedWriteKeepsTheOldContentAndRemovesTheTemporaryFile() throws IOException {
        Path p = dir.resolve("out.txt");
        Files.writeString(p, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(p));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void relativeTargetsResolveAgainstTheWorkingDirectory() throws IOException {
        Path rel = Path.of("target", "atomic-files-test.tmp.txt");
        try {
            AtomicFiles.write(rel, out -> out.write('x'));
            assertEquals("x", Files.readString(rel));
        } finally {
            Files.deleteIfExists(rel);
        }
    }
}
