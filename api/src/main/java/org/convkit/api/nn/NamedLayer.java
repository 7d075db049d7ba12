package org.convkit.api.nn;

/** A layer spec with its name in a model, e.g. {@code conv1}. */
public record NamedLayer(String name, LayerSpec spec) {

    public NamedLayer {
        if (name == null || name.isEmpty() || name.contains(".") || name.equals(GraphSpec.INPUT)) {
            throw new IllegalArgumentException("a layer name must be non-empty, without '.', and not '"
                    + GraphSpec.INPUT + "', got '" + name + "'");
        }
    }
}
