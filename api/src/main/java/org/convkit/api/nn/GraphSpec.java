package org.convkit.api.nn;

import java.util.HashSet;
import java.util.List;

/**
 * A directed acyclic graph of named nodes, each listed after its inputs. The model input is the
 * node {@value #INPUT}; the output is {@link #output()}. Residual blocks use {@link Node.Kind#ADD},
 * UNet skips {@link Node.Kind#CONCAT} (along channels).
 */
public record GraphSpec(List<Node> nodes, String output) implements ModelSpec {

    public static final String INPUT = "input";

    /** A node: a layer applied to one input, or the sum or channel concatenation of several. */
    public record Node(String name, Kind kind, LayerSpec layer, List<String> inputs) {

        public enum Kind { LAYER, ADD, CONCAT }

        public Node {
            new NamedLayer(name, new FlattenSpec()); // name rules
            inputs = List.copyOf(inputs);
            if (kind == Kind.LAYER && (layer == null || inputs.size() != 1)) {
                throw new IllegalArgumentException("layer node '" + name + "' needs a spec and exactly one input, got "
                        + inputs);
            }
            if (kind != Kind.LAYER && (layer != null || inputs.size() < 2)) {
                throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " node '" + name
                        + "' needs at least two inputs and no layer, got " + inputs);
            }
        }

        public static Node layer(String name, LayerSpec spec, String input) {
            return new Node(name, Kind.LAYER, spec, List.of(input));
        }

        public static Node add(String name, String... inputs) {
            return new Node(name, Kind.ADD, null, List.of(inputs));
        }

        public static Node concat(String name, String... inputs) {
            return new Node(name, Kind.CONCAT, null, List.of(inputs));
        }
    }

    public GraphSpec {
        nodes = List.copyOf(nodes);
        var known = new HashSet<String>();
        known.add(INPUT);
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!known.contains(in)) {
                    throw new IllegalArgumentException("node '" + n.name() + "' reads '" + in
                            + "', which is not an earlier node");
                }
            }
            if (!known.add(n.name())) {
                throw new IllegalArgumentException("duplicate node name '" + n.name() + "'");
            }
        }
        if (!known.contains(output) || output.equals(INPUT)) {
            throw new IllegalArgumentException("output '" + output + "' is not a node");
        }
    }
}
