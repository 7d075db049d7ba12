package org.convkit.cli.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Replays golden cases through the op handlers and compares the results. */
public final class ConformanceRunner {
    private final Map<String, OpHandler> handlers;

    /** A runner over the given handlers, by op name. */
    public ConformanceRunner(Map<String, OpHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    /** True when some handler computes {@code op}. */
    public boolean supports(String op) {
        return handlers.containsKey(op);
    }

    /** Replays every case; cases of an op without a handler are counted as unsupported. */
    public ConformanceReport run(List<GoldenCase> cases) {
        int passed = 0;
        List<ConformanceReport.Failure> failures = new ArrayList<>();
        List<GoldenCase> unsupported = new ArrayList<>();
        for (GoldenCase c : cases) {
            if (!supports(c.op())) {
                unsupported.add(c);
                continue;
            }
            Optional<String> f = check(c);
            if (f.isPresent()) {
                failures.add(new ConformanceReport.Failure(c.name(), f.get()));
            } else {
                passed++;
            }
        }
        return new ConformanceReport(passed, failures, unsupported);
    }

    /**
     * The first disagreement of one case, or empty when it passes. A handler exception is a
     * disagreement described by its message.
     *
     * @throws IllegalArgumentException when no handler computes the case's op
     */
    public Optional<String> check(GoldenCase c) {
        OpHandler h = handlers.get(c.op());
        if (h == null) {
            throw new IllegalArgumentException("no handler for op '" + c.op() + "' (" + c.name() + ")");
        }
        try {
            return Comparison.firstMismatch(c, h.apply(c));
        } catch (Exception | StackOverflowError e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
