package org.convkit.api.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** Bookkeeping shared by {@link Sequential} and {@link Graph}. */
final class Models {
    private Models() {
    }

    static Shape outputShape(String name, Layer layer, Shape in) {
        try {
            return layer.outputShape(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer '" + name + "' (" + layer.spec() + "): " + e.getMessage(), e);
        }
    }

    static Layer require(Map<String, Layer> layers, String name) {
        Layer l = layers.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no layer '" + name + "'; layers are " + layers.keySet());
        }
        return l;
    }

    static FloatNd activation(Map<String, FloatNd> activations, Map<String, ?> known, String name) {
        FloatNd a = activations.get(name);
        if (a == null) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("no layer '" + name + "'; layers are " + known.keySet());
            }
            throw new IllegalStateException("no activation of '" + name + "': run a forward pass first");
        }
        return a;
    }

    static Map<String, Parameter> qualified(Map<String, Layer> layers, Function<Layer, List<Parameter>> which) {
        var out = new LinkedHashMap<String, Parameter>();
        for (var e : layers.entrySet()) {
            for (Parameter p : which.apply(e.getValue())) {
                out.put(e.getKey() + "." + p.name(), p);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
