package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.convkit.api.io.DataFileException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random damage to EDFlib's files (header digits, header bytes, annotation bytes): each read
 * either succeeds or fails with a {@link DataFileException}, never another exception.
 */
class EdfCorruptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void damagedFilesFailOnlyWithDataFileExceptions(String type) throws IOException {
        byte[] original = Files.readAllBytes(EdflibFixtures.copy(type, dir));
        SplittableRandom rng = new SplittableRandom(17);
        byte[] digits = "0123456789-+. e".getBytes(StandardCharsets.US_ASCII);
        for (int trial = 0; trial < 400; trial++) {
            byte[] b = original.clone();
            int edits = 1 + rng.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = trial % 2 == 0 ? rng.nextInt(256 * 5) : rng.nextInt(b.length);
                b[at] = trial % 3 == 0 ? (byte) rng.nextInt(256) : digits[rng.nextInt(digits.length)];
            }
            Path file = dir.resolve("damaged" + trial + "." + type);
            Files.write(file, b);
            try {
                new EdfFormat().read(file);
            } catch (DataFileException expected) {
                // a clear rejection
            } catch (RuntimeException | IOException other) {
                fail("trial " + trial + ": " + other, other);
            }
            Files.delete(file);
        }
    }
}
