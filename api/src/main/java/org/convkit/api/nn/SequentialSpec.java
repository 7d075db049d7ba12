package org.convkit.api.nn;

import java.util.HashSet;
import java.util.List;

/** Layers applied one after the other. Names are unique. */
public record SequentialSpec(List<NamedLayer> layers) implements ModelSpec {

    public SequentialSpec {
        layers = List.copyOf(layers);
        var seen = new HashSet<String>();
        for (NamedLayer l : layers) {
            if (!seen.add(l.name())) {
                throw new IllegalArgumentException("duplicate layer name '" + l.name() + "'");
            }
        }
    }

    /** Names each spec by its type and position: {@code conv1}, {@code relu2}, ... */
    public static SequentialSpec of(LayerSpec... specs) {
        var named = new java.util.ArrayList<NamedLayer>();
        for (int i = 0; i < specs.length; i++) {
            named.add(new NamedLayer(specs[i].type() + (i + 1), specs[i]));
        }
        return new SequentialSpec(named);
    }
}
