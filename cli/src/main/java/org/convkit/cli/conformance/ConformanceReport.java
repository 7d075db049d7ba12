package org.convkit.cli.conformance;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The outcome of replaying golden cases.
 *
 * @param passed      cases whose outputs all matched
 * @param failures    cases that did not match or whose handler threw, in replay order
 * @param unsupported cases whose op has no handler, in replay order
 */
public record ConformanceReport(int passed, List<Failure> failures, List<GoldenCase> unsupported) {

    /** A failed case and the first disagreement, in one line. */
    public record Failure(String caseName, String message) {
    }

    public ConformanceReport {
        failures = List.copyOf(failures);
        unsupported = List.copyOf(unsupported);
    }

    /** The sorted distinct ops without a handler. */
    public SortedSet<String> unsupportedOps() {
        SortedSet<String> ops = new TreeSet<>();
        unsupported.forEach(c -> ops.add(c.op()));
        return ops;
    }

    /** True when at least one case ran and every case was supported and passed. */
    public boolean ok() {
        return passed > 0 && failures.isEmpty() && unsupported.isEmpty();
    }
}
