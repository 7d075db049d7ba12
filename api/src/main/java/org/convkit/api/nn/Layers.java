package org.convkit.api.nn;

/** Builds the runtime layer for a spec, with zero-filled parameters (see the initialisers). */
public final class Layers {
    private Layers() {
    }

    public static Layer build(LayerSpec spec) {
        if (spec instanceof ConvLayerSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof ConvTransposeLayerSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
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
