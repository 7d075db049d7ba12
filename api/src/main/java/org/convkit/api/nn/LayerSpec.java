package org.convkit.api.nn;

/**
 * The immutable configuration of a layer: everything needed to rebuild it, nothing learned.
 * Written to model files as plain JSON with a {@code type} field (see {@link LayerSpecJson}).
 */
public sealed interface LayerSpec permits ConvLayerSpec, ConvTransposeLayerSpec, PoolLayerSpec,
        GlobalAvgPoolSpec, ReluSpec, LinearSpec, FlattenSpec, DropoutSpec, BatchNormSpec {

    /** The short type name used in JSON and summaries, e.g. {@code conv}, {@code maxpool}. */
    String type();
}
