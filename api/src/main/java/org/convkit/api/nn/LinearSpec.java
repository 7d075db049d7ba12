package org.convkit.api.nn;

/** A fully connected layer, PyTorch's {@code Linear}: {@code y = x W^T + b}, weight {@code [out, in]}. Input {@code [N, in]}. */
public record LinearSpec(int inFeatures, int outFeatures, boolean bias) implements LayerSpec {

    public LinearSpec {
        Specs.positive("inFeatures", inFeatures);
        Specs.positive("outFeatures", outFeatures);
    }

    @Override
    public String type() {
        return "linear";
    }
}
