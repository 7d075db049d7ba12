package org.convkit.api.nn;

/**
 * Builds the runtime layer for a spec, with zero-filled parameters (batch norm: gamma 1);
 * {@link Init} fills them from a seed.
 */
public final class Layers {
    private Layers() {
    }

    public static Layer build(LayerSpec spec) {
        if (spec instanceof ConvLayerSpec s) {
            return new ConvLayer(s);
        } else if (spec instanceof ConvTransposeLayerSpec s) {
            return new ConvTransposeLayer(s);
        } else if (spec instanceof PoolLayerSpec s) {
            return new PoolLayer(s);
        } else if (spec instanceof GlobalAvgPoolSpec s) {
            return new GlobalAvgPoolLayer(s);
        } else if (spec instanceof ReluSpec s) {
            return new ReluLayer(s);
        } else if (spec instanceof LinearSpec s) {
            return new LinearLayer(s);
        } else if (spec instanceof FlattenSpec s) {
            return new FlattenLayer(s);
        } else if (spec instanceof DropoutSpec s) {
            return new DropoutLayer(s);
        } else if (spec instanceof BatchNormSpec s) {
            return new BatchNormLayer(s);
        }
        throw new IllegalArgumentException("unknown layer spec " + spec);
    }
}
