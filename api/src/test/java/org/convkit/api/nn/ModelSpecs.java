package org.convkit.api.nn;

import java.util.List;

/** Model specs shared by the tests: the model file tests' own, and the benchmark networks of WORKLOADS.md. */
public final class ModelSpecs {
    private ModelSpecs() {
    }

    /** WORKLOADS.md's LeNet-5: conv 6@5x5 pad 2, ReLU, max-pool 2, conv 16@5x5, ReLU, max-pool 2, FC 120, 84, 10. */
    public static SequentialSpec benchLenet5() {
        return SequentialSpec.of(
                ConvLayerSpec.of(2, 1, 6, 5, Padding.of(2)), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                ConvLayerSpec.of(2, 6, 16, 5, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                new FlattenSpec(), new LinearSpec(400, 120, true), ReluSpec.relu(),
                new LinearSpec(120, 84, true), ReluSpec.relu(), new LinearSpec(84, 10, true));
    }

    /** WORKLOADS.md's 1-d EEG net: conv 22->40 k25, ReLU, pool 4, conv 40->40 k11, ReLU, pool 4, conv k11, ReLU, GAP, FC 4. */
    public static SequentialSpec benchEeg1d() {
        return SequentialSpec.of(
                ConvLayerSpec.of(1, 22, 40, 25, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(1, 4),
                ConvLayerSpec.of(1, 40, 40, 11, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(1, 4),
                ConvLayerSpec.of(1, 40, 40, 11, Padding.valid()), ReluSpec.relu(), new GlobalAvgPoolSpec(),
                new LinearSpec(40, 4, true));
    }

    /** WORKLOADS.md's 3-d CT net: conv3d 1->8->16->32 k3 pad 1 with ReLU and max-pool 2 between, GAP, FC 2. */
    public static SequentialSpec benchCt3d() {
        return SequentialSpec.of(
                ConvLayerSpec.of(3, 1, 8, 3, Padding.of(1)), ReluSpec.relu(), PoolLayerSpec.max(3, 2),
                ConvLayerSpec.of(3, 8, 16, 3, Padding.of(1)), ReluSpec.relu(), PoolLayerSpec.max(3, 2),
                ConvLayerSpec.of(3, 16, 32, 3, Padding.of(1)), ReluSpec.relu(), new GlobalAvgPoolSpec(),
                new LinearSpec(32, 2, true));
    }

    /** LeNet-5 for 1 x 28 x 28 inputs, with batch norm so that buffers are saved too. */
    static SequentialSpec lenet() {
        return SequentialSpec.of(
                ConvLayerSpec.of(2, 1, 6, 5, Padding.same()),
                BatchNormSpec.of(6),
                ReluSpec.relu(),
                PoolLayerSpec.max(2, 2),
                ConvLayerSpec.of(2, 6, 16, 5, Padding.valid()),
                ReluSpec.relu(),
                PoolLayerSpec.max(2, 2),
                new FlattenSpec(),
                new LinearSpec(16 * 5 * 5, 120, true),
                ReluSpec.relu(),
                new DropoutSpec(0.25),
                new LinearSpec(120, 84, true),
                new ReluSpec(0.01f),
                new LinearSpec(84, 10, true));
    }

    /** A small 2-d graph: a residual block (add) and a skip (concat) before the head. */
    static GraphSpec residualWithSkip() {
        return new GraphSpec(List.of(
                GraphSpec.Node.layer("stem", ConvLayerSpec.of(2, 1, 4, 3, Padding.same()), GraphSpec.INPUT),
                GraphSpec.Node.layer("bn", BatchNormSpec.of(4), "stem"),
                GraphSpec.Node.layer("act", ReluSpec.relu(), "bn"),
                GraphSpec.Node.layer("conv", ConvLayerSpec.of(2, 4, 4, 3, Padding.same()), "act"),
                GraphSpec.Node.add("sum", "conv", "stem"),
                GraphSpec.Node.concat("cat", "sum", "act"),
                GraphSpec.Node.layer("pool", new GlobalAvgPoolSpec(), "cat"),
                GraphSpec.Node.layer("head", new LinearSpec(8, 3, true), "pool")), "head");
    }
}
