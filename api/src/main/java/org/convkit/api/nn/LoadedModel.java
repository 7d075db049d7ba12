package org.convkit.api.nn;

import java.util.Objects;

/** A model read from a model file, with its weights, and what the file records about it. */
public record LoadedModel(Model model, ModelMetadata metadata) {

    public LoadedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
    }
}
