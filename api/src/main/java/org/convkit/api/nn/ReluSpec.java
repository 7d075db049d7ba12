package org.convkit.api.nn;

/**
 * ReLU, or leaky ReLU when {@code negativeSlope > 0}: {@code y = x} for {@code x > 0}, else
 * {@code negativeSlope * x}; the gradient at 0 is the negative side's (PyTorch).
 */
public record ReluSpec(float negativeSlope) implements LayerSpec {

    public ReluSpec {
        if (!(negativeSlope >= 0 && negativeSlope < 1)) {
            throw new IllegalArgumentException("negativeSlope must be in [0, 1), got " + negativeSlope);
        }
    }

    public static ReluSpec relu() {
        return new ReluSpec(0f);
    }

    @Override
    public String type() {
        return negativeSlope == 0 ? "relu" : "leakyrelu";
    }
}
