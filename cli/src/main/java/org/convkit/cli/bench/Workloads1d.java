package org.convkit.cli.bench;

import java.util.List;

/** The 1d workloads of {@code convkit bench}. */
final class Workloads1d {
    private Workloads1d() {
    }

    static List<Workload> all() {
        return List.of();
    }
}
