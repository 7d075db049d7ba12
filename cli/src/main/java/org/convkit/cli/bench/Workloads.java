package org.convkit.cli.bench;

import java.util.List;
import java.util.stream.Stream;

/** Every workload of {@code convkit bench}, in the order of WORKLOADS.md. */
public final class Workloads {
    private Workloads() {
    }

    public static List<Workload> all() {
        return Stream.of(Workloads1d.all(), WorkloadsIir.all(), Workloads2d.all(), Workloads3d.all(),
                        WorkloadsSpectral.all(),
                        WorkloadsTrain.all())
                .flatMap(List::stream)
                .toList();
    }
}
