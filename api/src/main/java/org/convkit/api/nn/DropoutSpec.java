package org.convkit.api.nn;

/**
 * Inverted dropout: in training each element is zeroed with probability {@code p} and the rest
 * scaled by {@code 1 / (1 - p)}; evaluation passes the input through.
 */
public record DropoutSpec(double p) implements LayerSpec {

    public DropoutSpec {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout p must be in [0, 1), got " + p);
        }
    }

    @Override
    public String type() {
        return "dropout";
    }
}
