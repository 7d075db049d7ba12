package org.convkit.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConformanceRunnerTest {

    private static GoldenArray real(int[] shape, double... v) {
        return new GoldenArray(shape, v, null);
    }

    private static GoldenCase identityCase(GoldenArray want, double rtol, double atol) {
        return new GoldenCase("t.json", 0, "identity", "", JsonNodeFactory.instance.objectNode(),
                Map.of("x", real(new int[] {2}, 1.0, 100.0)), Map.of("y", want), rtol, atol);
    }

    private static final ConformanceRunner RUNNER = new ConformanceRunner(Map.of(
            "identity", c -> Map.of("y", c.input("x")),
            "nothing", c -> Map.of(),
            "boom", c -> {
                throw new IllegalStateException("kaboom");
            }));

    @Test
    void toleranceIsAtolPlusRtolTimesWant() {
        assertTrue(RUNNER.check(identityCase(real(new int[] {2}, 1.0, 101.0), 0.01, 0)).isEmpty());
        Optional<String> f = RUNNER.check(identityCase(real(new int[] {2}, 1.0, 101.0), 0.009, 0));
        assertTrue(f.isPresent() && f.get().startsWith("y[1]: got 100.0 want 101.0"), f.toString());
        assertTrue(RUNNER.check(identityCase(real(new int[] {2}, 1.5, 100.0), 0, 0.5)).isEmpty());
    }

    @Test
    void shapeMismatchFails() {
        Optional<String> f = RUNNER.check(identityCase(real(new int[] {1, 2}, 1.0, 100.0), 1, 1));
        assertTrue(f.isPresent() && f.get().contains("shape 2 but expected 1x2"), f.toString());
    }

    @Test
    void missingExpectedOutputFails() {
        GoldenCase c = new GoldenCase("t.json", 3, "nothing", "", null, Map.of(), Map.of("y", real(new int[] {}, 1)), 0, 0);
        Optional<String> f = RUNNER.check(c);
        assertTrue(f.isPresent() && f.get().contains("no output 'y'"), f.toString());
    }

    @Test
    void handlerExceptionIsAFailureNotACrash() {
        GoldenCase c = new GoldenCase("t.json", 0, "boom", "", null, Map.of(), Map.of("y", real(new int[] {}, 1)), 0, 0);
        ConformanceReport r = RUNNER.run(List.of(c));
        assertEquals(0, r.passed());
        assertEquals("t.json#0 boom", r.failures().get(0).caseName());
        assertTrue(r.failures().get(0).message().contains("kaboom"));
    }

    @Test
    void nanMatchesOnlyNan() {
        assertTrue(Comparison.close(Double.NaN, 0, Double.NaN, 0, 0, 0));
        assertFalse(Comparison.close(1, 0, Double.NaN, 0, 1, 1));
        assertFalse(Comparison.close(Double.NaN, 0, 1, 0, 1, 1));
        assertTrue(Comparison.close(Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0, 0, 0));
        assertFalse(Comparison.close(Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0, 1, 1));
    }

    @Test
    void complexValuesCompareByMagnitudeOfTheDifference() {
        assertTrue(Comparison.close(3, 4, 3, 4.5, 0, 0.5));
        assertFalse(Comparison.close(3.4, 4.4, 3, 4, 0, 0.5));
    }

    @Test
    void unsupportedOpsAreCountedNotRun() {
        GoldenCase c = new GoldenCase("t.json", 0, "stft", "", null, Map.of(), Map.of(), 0, 0);
        ConformanceReport r = RUNNER.run(List.of(c));
        assertEquals(List.of(c), r.unsupported());
        assertFalse(r.ok());
    }

    @Test
    void bundledFilesIncludeComplexArraysAndEveryCaseIsNamed() throws IOException {
        List<GoldenCase> cases = GoldenReader.readBundled();
        assertTrue(cases.stream().anyMatch(c -> c.expected().values().stream().anyMatch(GoldenArray::isComplex)));
        assertTrue(cases.stream().allMatch(c -> c.name().matches("(dsp|nn)/[a-z]+\\.json#\\d+ [a-z0-9_]+")));
    }
}
