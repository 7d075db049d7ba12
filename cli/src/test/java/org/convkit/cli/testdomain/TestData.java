package org.convkit.cli.testdomain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Folders of the test domain's synthetic files, laid out one sub-folder per class. */
public final class TestData {
    private TestData() {
    }

    /** {@code perClass} files of each class under {@code root/<class>/}, seeds from {@code seed}. */
    public static Path classFolders(Path root, int perClass, long seed) throws IOException {
        TestSignalDomain d = new TestSignalDomain();
        List<String> classes = d.syntheticClasses();
        for (int c = 0; c < classes.size(); c++) {
            Path dir = Files.createDirectories(root.resolve(classes.get(c)));
            for (int i = 0; i < perClass; i++) {
                new TestSignalFormat().write(d.syntheticFile(c, seed + 1000L * c + i), dir.resolve("f" + i + ".tsig"));
            }
        }
        return root;
    }

    /** One synthetic file of class {@code label} at {@code file}. */
    public static Path file(Path file, int label, long seed) throws IOException {
        new TestSignalFormat().write(new TestSignalDomain().syntheticFile(label, seed), file);
        return file;
    }
}
