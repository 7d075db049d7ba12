package org.convkit.cli.bench;

import java.util.List;

/** The 3d workloads of {@code convkit bench}. */
final class Workloads3d {
    private Workloads3d() {
    }

    static List<Workload> all() {
        return List.of();
    }
}
