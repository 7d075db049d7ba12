package org.convkit.api.nn;

/** Flattens {@code [N, C, ...]} to {@code [N, C * ...]} (a free view). */
public record FlattenSpec() implements LayerSpec {
    @Override
    public String type() {
        return "flatten";
    }
}
