package org.convkit.api.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** A {@link SequentialSpec} at run time: each layer feeds the next. */
public final class Sequential implements Model {
    private final SequentialSpec spec;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, FloatNd> activations = new LinkedHashMap<>();

    public Sequential(SequentialSpec spec) {
        this.spec = spec;
        for (NamedLayer l : spec.layers()) {
            layers.put(l.name(), Layers.build(l.spec()));
        }
    }

    @Override
    public SequentialSpec spec() {
        return spec;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        activations.clear();
        int i = 0;
        for (var e : layers.entrySet()) {
            x = e.getValue().forward(x, pass.salted(i++));
            activations.put(e.getKey(), x);
        }
        return x;
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);
        for (Layer l : reversed) {
            gy = l.backward(gy);
        }
        return gy;
    }

    /**
     * Layers before the first one with a trainable parameter are skipped (nothing of theirs is needed: a
     * frozen prefix or parameterless input layers), and
     * that one runs {@link Layer#backwardParameters}.
     */
    @Override
    public void backwardParameters(FloatNd gy) {
        List<Layer> order = new ArrayList<>(layers.values());
        int first = 0;
        while (first < order.size() && order.get(first).parameters().stream().noneMatch(Parameter::trainable)) {
            first++;
        }
        for (int i = order.size() - 1; i > first; i--) {
            gy = order.get(i).backward(gy);
        }
        if (first < order.size()) {
            order.get(first).backwardParameters(gy);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape s = input;
        for (var e : layers.entrySet()) {
            s = Models.outputShape(e.getKey(), e.getValue(), s);
        }
        return s;
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(layers.keySet());
    }

    @Override
    public Layer layer(String name) {
        return Models.require(layers, name);
    }

    @Override
    public FloatNd activation(String name) {
        return Models.activation(activations, layers, name);
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Models.qualified(layers, Layer::parameters);
    }

    @Override
    public Map<String, Parameter> buffers() {
        return Models.qualified(layers, Layer::buffers);
    }
}
