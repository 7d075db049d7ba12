package org.convkit.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the golden cases (the bundled copy, or the folder named by the system property
 * {@code golden.dir}) through every registered handler: one dynamic test per case.
 */
class GoldenConformanceTest {

    /**
     * Ops of the golden files that no handler computes yet. This list may only shrink: when a handler
     * is added, the test below says which op to remove from here.
     */
    private static final List<String> PINNED_UNSUPPORTED = List.of(
            "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d");

    private static final ConformanceRunner RUNNER = new ConformanceRunner(OpHandlers.standard());

    private static List<GoldenCase> cases() throws IOException {
        String dir = System.getProperty("golden.dir");
        return dir == null || dir.isBlank() ? GoldenReader.readBundled() : GoldenReader.readFolder(Path.of(dir));
    }

    @TestFactory
    Stream<DynamicTest> everyHandledCaseMatchesItsReference() throws IOException {
        List<GoldenCase> handled = cases().stream().filter(c -> RUNNER.supports(c.op())).toList();
        assertFalse(handled.isEmpty(), "no golden case has a handler");
        return handled.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Optional<String> mismatch = RUNNER.check(c);
            if (mismatch.isPresent()) {
                fail(c.name() + " (" + c.source() + " " + c.params() + "): " + mismatch.get());
            }
        }));
    }

    @Test
    void unsupportedOpsAreExactlyThePinnedList() throws IOException {
        SortedSet<String> actual = new TreeSet<>();
        cases().stream().filter(c -> !RUNNER.supports(c.op())).forEach(c -> actual.add(c.op()));
        SortedSet<String> nowHandled = new TreeSet<>(PINNED_UNSUPPORTED);
        nowHandled.removeAll(actual);
        if (!nowHandled.isEmpty() && System.getProperty("golden.dir") == null) {
            fail("ops " + nowHandled + " now have a handler (or left the golden files):"
                    + " remove them from PINNED_UNSUPPORTED in " + getClass().getSimpleName());
        }
        SortedSet<String> newlyUnsupported = new TreeSet<>(actual);
        newlyUnsupported.removeAll(PINNED_UNSUPPORTED);
        assertEquals(new TreeSet<>(), newlyUnsupported,
                "ops without a handler that are not in PINNED_UNSUPPORTED: the list may only shrink");
    }
}
