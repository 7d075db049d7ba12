package org.convkit.cli.bench;

import java.util.List;
import java.util.stream.Stream;

/** Every workload of {@code convkit bench}, in the order of WORKLOADS.md. */
public final class Workloads {
    /** {@code mnist-lenet}'s largest move of a training image, in pixels per axis, unless told otherwise. */
    public static final int MNIST_SHIFT = 1;

    private Workloads() {
    }

    public static List<Workload> all() {
        return Stream.of(Workloads1d.all(), WorkloadsIir.all(), Workloads2d.all(), Workloads3d.all(),
                        WorkloadsSpectral.all(), WorkloadsNn.all(), WorkloadsConv.all(), WorkloadsTrain.all())
                .flatMap(List::stream)
                .toList();
    }
}
