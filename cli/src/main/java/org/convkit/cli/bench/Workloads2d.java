package org.convkit.cli.bench;

import java.util.List;

/** The 2d workloads of {@code convkit bench}. */
final class Workloads2d {
    private Workloads2d() {
    }

    static List<Workload> all() {
        return List.of();
    }
}
