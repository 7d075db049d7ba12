package org.convkit.api.nn;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A {@link GraphSpec} at run time. Forward visits the nodes in order; backward visits them in
 * reverse, summing the gradients of a node read by several others in the order of the readers.
 */
public final class Graph implements Model {
    private final GraphSpec spec;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, FloatNd> activations = new HashMap<>();

    public Graph(GraphSpec spec) {
        this.spec = spec;
        for (GraphSpec.Node n : spec.nodes()) {
            if (n.kind() == GraphSpec.Node.Kind.LAYER) {
                layers.put(n.name(), Layers.build(n.layer()));
            }
        }
    }

    @Override
    public GraphSpec spec() {
        return spec;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        activations.clear();
        activations.put(GraphSpec.INPUT, x);
        int i = 0;
        for (GraphSpec.Node n : spec.nodes()) {
            FloatNd y = switch (n.kind()) {
                case LAYER -> layers.get(n.name()).forward(activations.get(n.inputs().get(0)), pass.salted(i));
                case ADD -> TensorOps.add(inputs(n));
                case CONCAT -> TensorOps.concatChannels(inputs(n));
            };
            i++;
            activations.put(n.name(), y);
        }
        return activations.get(spec.output());
    }

    private List<FloatNd> inputs(GraphSpec.Node n) {
        return n.inputs().stream().map(activations::get).toList();
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        Map<String, FloatNd> grads = backward(gy, null);
        FloatNd gx = grads.get(GraphSpec.INPUT);
        return gx != null ? gx : FloatNd.zeros(activations.get(GraphSpec.INPUT).shape());
    }

    /** Skips every node with no trainable parameter at or before it (nothing it could pass a gradient to). */
    @Override
    public void backwardParameters(FloatNd gy) {
        Set<String> reaches = new HashSet<>();
        for (GraphSpec.Node n : spec.nodes()) {
            Layer l = layers.get(n.name());
            if (l != null && l.parameters().stream().anyMatch(Parameter::trainable)
                    || n.inputs().stream().anyMatch(reaches::contains)) {
                reaches.add(n.name());
            }
        }
        backward(gy, reaches);
    }

    /** Propagates {@code gy} to every node, or only to those in {@code only} when it is not null. */
    private Map<String, FloatNd> backward(FloatNd gy, Set<String> only) {
        Map<String, FloatNd> grads = new HashMap<>();
        grads.put(spec.output(), gy);
        List<GraphSpec.Node> nodes = spec.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            GraphSpec.Node n = nodes.get(i);
            FloatNd g = grads.remove(n.name());
            if (g == null || only != null && !only.contains(n.name())) {
                continue;
            }
            switch (n.kind()) {
                case LAYER -> accumulate(grads, n.inputs().get(0), layers.get(n.name()).backward(g));
                case ADD -> n.inputs().forEach(in -> accumulate(grads, in, g));
                case CONCAT -> {
                    List<FloatNd> parts = TensorOps.splitChannels(g, inputs(n));
                    for (int k = 0; k < parts.size(); k++) {
                        accumulate(grads, n.inputs().get(k), parts.get(k));
                    }
                }
            }
        }
        return grads;
    }

    private static void accumulate(Map<String, FloatNd> grads, String name, FloatNd g) {
        grads.merge(name, g, (a, b) -> TensorOps.add(List.of(a, b)));
    }

    @Override
    public Shape outputShape(Shape input) {
        Map<String, Shape> shapes = new HashMap<>();
        shapes.put(GraphSpec.INPUT, input);
        for (GraphSpec.Node n : spec.nodes()) {
            List<Shape> in = n.inputs().stream().map(shapes::get).toList();
            Shape out = switch (n.kind()) {
                case LAYER -> Models.outputShape(n.name(), layers.get(n.name()), in.get(0));
                case ADD -> TensorOps.addShape(n.name(), in);
                case CONCAT -> TensorOps.concatShape(n.name(), in);
            };
            shapes.put(n.name(), out);
        }
        return shapes.get(spec.output());
    }

    @Override
    public List<String> layerNames() {
        return spec.nodes().stream().map(GraphSpec.Node::name).toList();
    }

    @Override
    public Layer layer(String name) {
        return Models.require(layers, name);
    }

    @Override
    public FloatNd activation(String name) {
        Map<String, Object> known = new HashMap<>();
        spec.nodes().forEach(n -> known.put(n.name(), n));
        return Models.activation(activations, known, name);
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
