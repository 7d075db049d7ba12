package org.convkit.api.nn;

/** Builds the runtime layer for a spec, with zero-filled parameters (see the initialisers). */
public final class Layers {
    private Layers() {
    }

    public static Layer build(LayerSpec spec) {
        if (spec instanceof ConvLayerSpec s) {
            return new ConvLayer(s);
        } else if (spec instanceof ConvTransposeLayerSpec s) {
            return new ConvTransposeLayer(s);
        } else if (spec instanceof PoolLayerSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof GlobalAvgPoolSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof ReluSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof LinearSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof FlattenSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof DropoutSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        } else if (spec instanceof BatchNormSpec s) {
            throw new UnsupportedOperationException("not yet: " + s);
        }
        throw new IllegalArgumentException("unknown layer spec " + spec);
    }
}
