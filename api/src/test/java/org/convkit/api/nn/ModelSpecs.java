package org.convkit.api.nn;

import java.util.List;

/** Model specs shared by the model file tests. */
final class ModelSpecs {
    private ModelSpecs() {
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
