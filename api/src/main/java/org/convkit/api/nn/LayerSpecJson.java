package org.convkit.api.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Layer and model specs as plain JSON trees, written field by field: a layer is an object whose
 * {@code type} is {@link LayerSpec#type()} followed by the record's components in declaration
 * order, e.g. {@code {"type":"conv","rank":2,"inChannels":1,"outChannels":6,"kernel":[5,5],
 * "stride":[1,1],"padding":"same","dilation":[1,1],"groups":1,"bias":true}}. Padding is
 * {@code "valid"}, {@code "same"} or an array of per-axis amounts. A pooling layer's
 * {@code padding} (an array) is written only when some axis is padded and read as 0 when absent,
 * so files from before pooling had padding read and write unchanged. There are no Java type ids and
 * no annotations, so any JSON reader (Python's {@code json}) can read a model's architecture.
 *
 * <p>A model is {@code {"kind":"sequential","layers":[{"name":"conv1","layer":{...}}, ...]}} or
 * {@code {"kind":"graph","output":"out","nodes":[{"name":"b1","kind":"layer","inputs":["input"],
 * "layer":{...}}, {"name":"sum","kind":"add","inputs":["b1","input"]}, ...]}}.
 *
 * <p>Reading is strict: an unknown type or kind, a missing field, a field of the wrong JSON type,
 * an unknown field, or values a spec's constructor refuses are {@link IllegalArgumentException}s
 * naming the layer, the field and the value. Writing then reading gives an equal spec, and the
 * same spec always gives the same tree (fields in a fixed order).
 */
public final class LayerSpecJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LayerSpecJson() {
    }

    /** The spec as a JSON object with its {@code type} first. */
    public static ObjectNode toJson(LayerSpec spec) {
        ObjectNode o = NODES.objectNode();
        o.put("type", spec.type());
        if (spec instanceof ConvLayerSpec s) {
            o.put("rank", s.rank()).put("inChannels", s.inChannels()).put("outChannels", s.outChannels());
            o.set("kernel", ints(s.kernel()));
            o.set("stride", ints(s.stride()));
            o.set("padding", padding(s.padding()));
            o.set("dilation", ints(s.dilation()));
            o.put("groups", s.groups()).put("bias", s.bias());
        } else if (spec instanceof ConvTransposeLayerSpec s) {
            o.put("rank", s.rank()).put("inChannels", s.inChannels()).put("outChannels", s.outChannels());
            o.set("kernel", ints(s.kernel()));
            o.set("stride", ints(s.stride()));
            o.set("padding", ints(s.padding()));
            o.set("outputPadding", ints(s.outputPadding()));
            o.set("dilation", ints(s.dilation()));
            o.put("groups", s.groups()).put("bias", s.bias());
        } else if (spec instanceof PoolLayerSpec s) {
            o.put("rank", s.rank());
            o.set("kernel", ints(s.kernel()));
            o.set("stride", ints(s.stride()));
            if (s.padded()) {
                // written only when used, so files of unpadded pools read and write as before padding existed
                o.set("padding", ints(s.padding()));
            }
        } else if (spec instanceof ReluSpec s) {
            if (s.negativeSlope() != 0) {
                o.put("negativeSlope", s.negativeSlope());
            }
        } else if (spec instanceof LinearSpec s) {
            o.put("inFeatures", s.inFeatures()).put("outFeatures", s.outFeatures()).put("bias", s.bias());
        } else if (spec instanceof DropoutSpec s) {
            o.put("p", s.p());
        } else if (spec instanceof BatchNormSpec s) {
            o.put("channels", s.channels()).put("momentum", s.momentum()).put("eps", s.eps());
        } else if (!(spec instanceof FlattenSpec) && !(spec instanceof GlobalAvgPoolSpec)) {
            throw new IllegalArgumentException("no JSON form for layer spec " + spec);
        }
        return o;
    }

    /** Reads a layer written by {@link #toJson(LayerSpec)}; see the class comment for the errors. */
    public static LayerSpec fromJson(JsonNode node) {
        return fromJson(node, "layer");
    }

    /** {@link #fromJson(JsonNode)} with errors naming the layer as {@code where}, e.g. {@code layer 'conv1'}. */
    static LayerSpec fromJson(JsonNode node, String where) {
        JsonFieldReader r = new JsonFieldReader(node, where);
        String type = r.string("type");
        JsonFieldReader f = new JsonFieldReader(node, where + " (" + type + ")");
        try {
            return switch (type) {
                case "conv" -> {
                    f.allowOnly("type", "rank", "inChannels", "outChannels", "kernel", "stride", "padding", "dilation",
                            "groups", "bias");
                    yield new ConvLayerSpec(f.integer("rank"), f.integer("inChannels"), f.integer("outChannels"),
                            f.integers("kernel"), f.integers("stride"), padding(f), f.integers("dilation"),
                            f.integer("groups"), f.bool("bias"));
                }
                case "convtranspose" -> {
                    f.allowOnly("type", "rank", "inChannels", "outChannels", "kernel", "stride", "padding",
                            "outputPadding", "dilation", "groups", "bias");
                    yield new ConvTransposeLayerSpec(f.integer("rank"), f.integer("inChannels"),
                            f.integer("outChannels"), f.integers("kernel"), f.integers("stride"),
                            f.integers("padding"), f.integers("outputPadding"), f.integers("dilation"),
                            f.integer("groups"), f.bool("bias"));
                }
                case "maxpool", "avgpool" -> {
                    f.allowOnly("type", "rank", "kernel", "stride", "padding");
                    PoolLayerSpec.Kind kind = type.equals("maxpool") ? PoolLayerSpec.Kind.MAX : PoolLayerSpec.Kind.AVG;
                    int[] padding = f.optional("padding") == null ? new int[] {0} : f.integers("padding");
                    yield new PoolLayerSpec(kind, f.integer("rank"), f.integers("kernel"), f.integers("stride"),
                            padding);
                }
                case "globalavgpool" -> {
                    f.allowOnly("type");
                    yield new GlobalAvgPoolSpec();
                }
                case "relu" -> {
                    f.allowOnly("type");
                    yield ReluSpec.relu();
                }
                case "leakyrelu" -> {
                    f.allowOnly("type", "negativeSlope");
                    yield new ReluSpec((float) f.number("negativeSlope"));
                }
                case "linear" -> {
                    f.allowOnly("type", "inFeatures", "outFeatures", "bias");
                    yield new LinearSpec(f.integer("inFeatures"), f.integer("outFeatures"), f.bool("bias"));
                }
                case "flatten" -> {
                    f.allowOnly("type");
                    yield new FlattenSpec();
                }
                case "dropout" -> {
                    f.allowOnly("type", "p");
                    yield new DropoutSpec(f.number("p"));
                }
                case "batchnorm" -> {
                    f.allowOnly("type", "channels", "momentum", "eps");
                    yield new BatchNormSpec(f.integer("channels"), f.number("momentum"), f.number("eps"));
                }
                default -> throw r.invalid("type", node.get("type"), "one of conv, convtranspose, maxpool, avgpool,"
                        + " globalavgpool, relu, leakyrelu, linear, flatten, dropout, batchnorm");
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw f.error("is invalid: " + e.getMessage());
        }
    }

    /** A model's architecture; see the class comment for the form. */
    public static ObjectNode toJson(ModelSpec spec) {
        ObjectNode o = NODES.objectNode();
        if (spec instanceof SequentialSpec s) {
            o.put("kind", "sequential");
            ArrayNode layers = o.putArray("layers");
            for (NamedLayer l : s.layers()) {
                ObjectNode e = layers.addObject();
                e.put("name", l.name());
                e.set("layer", toJson(l.spec()));
            }
        } else {
            GraphSpec g = (GraphSpec) spec;
            o.put("kind", "graph");
            o.put("output", g.output());
            ArrayNode nodes = o.putArray("nodes");
            for (GraphSpec.Node n : g.nodes()) {
                ObjectNode e = nodes.addObject();
                e.put("name", n.name());
                e.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
                ArrayNode in = e.putArray("inputs");
                n.inputs().forEach(in::add);
                if (n.layer() != null) {
                    e.set("layer", toJson(n.layer()));
                }
            }
        }
        return o;
    }

    /** Reads a model written by {@link #toJson(ModelSpec)}; errors name the layer or node, field and value. */
    public static ModelSpec modelFromJson(JsonNode node) {
        JsonFieldReader r = new JsonFieldReader(node, "architecture");
        String kind = r.string("kind");
        switch (kind) {
            case "sequential" -> {
                r.allowOnly("kind", "layers");
                List<NamedLayer> layers = new ArrayList<>();
                JsonNode arr = r.array("layers");
                for (int i = 0; i < arr.size(); i++) {
                    JsonFieldReader e = new JsonFieldReader(arr.get(i), "architecture layer " + (i + 1));
                    e.allowOnly("name", "layer");
                    String name = e.string("name");
                    LayerSpec spec = fromJson(e.required("layer"), "layer '" + name + "'");
                    layers.add(checked(() -> new NamedLayer(name, spec), "architecture layer " + (i + 1)));
                }
                return checked(() -> new SequentialSpec(layers), "architecture");
            }
            case "graph" -> {
                r.allowOnly("kind", "output", "nodes");
                String output = r.string("output");
                List<GraphSpec.Node> nodes = new ArrayList<>();
                JsonNode arr = r.array("nodes");
                for (int i = 0; i < arr.size(); i++) {
                    nodes.add(node(arr.get(i), i));
                }
                return checked(() -> new GraphSpec(nodes, output), "architecture");
            }
            default -> throw r.invalid("kind", node.get("kind"), "\"sequential\" or \"graph\"");
        }
    }

    private static GraphSpec.Node node(JsonNode json, int index) {
        JsonFieldReader e = new JsonFieldReader(json, "architecture node " + (index + 1));
        String name = e.string("name");
        String kindText = e.string("kind");
        GraphSpec.Node.Kind kind = switch (kindText) {
            case "layer" -> GraphSpec.Node.Kind.LAYER;
            case "add" -> GraphSpec.Node.Kind.ADD;
            case "concat" -> GraphSpec.Node.Kind.CONCAT;
            default -> throw e.invalid("kind", json.get("kind"), "\"layer\", \"add\" or \"concat\"");
        };
        if (kind == GraphSpec.Node.Kind.LAYER) {
            e.allowOnly("name", "kind", "inputs", "layer");
        } else {
            e.allowOnly("name", "kind", "inputs");
        }
        List<String> inputs = e.strings("inputs");
        LayerSpec spec = kind == GraphSpec.Node.Kind.LAYER
                ? fromJson(e.required("layer"), "node '" + name + "'")
                : null;
        return checked(() -> new GraphSpec.Node(name, kind, spec, inputs), "architecture node '" + name + "'");
    }

    /** Runs a constructor, prefixing the refusal with where it happened. */
    private static <T> T checked(java.util.function.Supplier<T> make, String where) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is invalid: " + e.getMessage(), e);
        }
    }

    private static JsonNode padding(Padding p) {
        return p.kind() == Padding.Kind.EXPLICIT ? ints(p.amounts()) : NODES.textNode(p.toString());
    }

    private static Padding padding(JsonFieldReader f) {
        JsonNode v = f.required("padding");
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "valid" -> Padding.valid();
                case "same" -> Padding.same();
                default -> throw f.invalid("padding", v, "\"valid\", \"same\" or an array of integers");
            };
        }
        if (!v.isArray()) {
            throw f.invalid("padding", v, "\"valid\", \"same\" or an array of integers");
        }
        return Padding.of(f.integers("padding"));
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = NODES.arrayNode(values.length);
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
