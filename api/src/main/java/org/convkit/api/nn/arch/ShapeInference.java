package org.convkit.api.nn.arch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.ConvTransposeLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/**
 * Output shapes of layers and models computed from the specs alone, without allocating weights
 * (a VGG-16's 138 million parameters would take 1.1 GB with their gradients). Shapes here have no
 * batch axis: {@code [C, spatial...]} for feature maps, {@code [features]} after a flatten. They
 * equal what {@link org.convkit.api.nn.Model#outputShape} gives after its batch axis.
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    /**
     * The output shape of {@code spec} for {@code input}.
     *
     * @throws IllegalArgumentException naming the spec and the shapes when the input does not fit
     */
    public static int[] outputShape(LayerSpec spec, int[] input) {
        int[] in = input.clone();
        if (spec instanceof ConvLayerSpec c) {
            spatial(spec, c.rank(), c.inChannels(), in);
            return withChannels(c.outChannels(), c.outputSize(Arrays.copyOfRange(in, 1, in.length)));
        } else if (spec instanceof ConvTransposeLayerSpec t) {
            spatial(spec, t.rank(), t.inChannels(), in);
            // ConvTransposeLayerSpec's documented size: (n - 1) s - 2 p + d (k - 1) + outputPadding + 1
            int[] out = new int[t.rank()];
            for (int a = 0; a < out.length; a++) {
                out[a] = (in[a + 1] - 1) * t.stride()[a] - 2 * t.padding()[a] + t.dilation()[a] * (t.kernel()[a] - 1)
                        + t.outputPadding()[a] + 1;
                if (out[a] < 1) {
                    throw new IllegalArgumentException(spec + " gives a non-positive size for input " + Arrays.toString(in));
                }
            }
            return withChannels(t.outChannels(), out);
        } else if (spec instanceof PoolLayerSpec p) {
            spatial(spec, p.rank(), in[0], in);
            // PoolLayerSpec's documented size: floor((n + 2 p - k) / s) + 1
            int[] out;
            try {
                out = p.outputSize(Arrays.copyOfRange(in, 1, in.length));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (input " + Arrays.toString(input) + ")", e);
            }
            return withChannels(in[0], out);
        } else if (spec instanceof GlobalAvgPoolSpec) {
            if (in.length < 2) {
                throw new IllegalArgumentException("global average pooling expects [C, spatial...], got "
                        + Arrays.toString(in));
            }
            return new int[] {in[0]};
        } else if (spec instanceof FlattenSpec) {
            return new int[] {size(in)};
        } else if (spec instanceof LinearSpec l) {
            if (in.length != 1 || in[0] != l.inFeatures()) {
                throw new IllegalArgumentException("linear expects [" + l.inFeatures() + "] features, got "
                        + Arrays.toString(in));
            }
            return new int[] {l.outFeatures()};
        } else if (spec instanceof BatchNormSpec b) {
            if (in[0] != b.channels()) {
                throw new IllegalArgumentException("batch norm expects " + b.channels() + " channels, got "
                        + Arrays.toString(in));
            }
            return in;
        } else if (spec instanceof ReluSpec || spec instanceof DropoutSpec) {
            return in;
        }
        throw new IllegalArgumentException("unknown layer spec " + spec);
    }

    /**
     * The output shape of every layer (sequential) or node (graph) of {@code spec}, in order, for
     * {@code input}.
     *
     * @throws IllegalArgumentException naming the layer or node that does not fit
     */
    public static Map<String, int[]> shapes(ModelSpec spec, int[] input) {
        Map<String, int[]> out = new LinkedHashMap<>();
        if (spec instanceof SequentialSpec s) {
            int[] shape = input.clone();
            for (NamedLayer l : s.layers()) {
                shape = named(l.name(), l.spec(), shape);
                out.put(l.name(), shape);
            }
            return out;
        }
        GraphSpec g = (GraphSpec) spec;
        Map<String, int[]> all = new LinkedHashMap<>();
        all.put(GraphSpec.INPUT, input.clone());
        for (GraphSpec.Node n : g.nodes()) {
            List<int[]> in = n.inputs().stream().map(all::get).toList();
            int[] shape = switch (n.kind()) {
                case LAYER -> named(n.name(), n.layer(), in.get(0));
                case ADD -> add(n.name(), in);
                case CONCAT -> concat(n.name(), in);
            };
            all.put(n.name(), shape);
            out.put(n.name(), shape);
        }
        return out;
    }

    /** The output shape of the whole model: its last layer's, or a graph's output node's. */
    public static int[] outputShape(ModelSpec spec, int[] input) {
        Map<String, int[]> all = shapes(spec, input);
        if (spec instanceof GraphSpec g) {
            return all.get(g.output()).clone();
        }
        int[] result = input;
        for (int[] shape : all.values()) {
            result = shape;
        }
        return result.clone();
    }

    private static int[] named(String name, LayerSpec spec, int[] in) {
        try {
            return outputShape(spec, in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer '" + name + "': " + e.getMessage(), e);
        }
    }

    private static int[] add(String node, List<int[]> in) {
        for (int[] s : in) {
            if (!Arrays.equals(s, in.get(0))) {
                throw new IllegalArgumentException("add node '" + node + "' has inputs of different shapes "
                        + shapes(in));
            }
        }
        return in.get(0);
    }

    private static int[] concat(String node, List<int[]> in) {
        int[] first = in.get(0);
        int channels = 0;
        for (int[] s : in) {
            boolean fits = s.length == first.length && s.length >= 2
                    && Arrays.equals(s, 1, s.length, first, 1, first.length);
            if (!fits) {
                throw new IllegalArgumentException("concat node '" + node
                        + "' needs inputs equal in all but the channel axis, got " + shapes(in));
            }
            channels = Math.addExact(channels, s[0]);
        }
        int[] out = first.clone();
        out[0] = channels;
        return out;
    }

    private static String shapes(List<int[]> in) {
        return in.stream().map(Arrays::toString).toList().toString();
    }

    private static void spatial(LayerSpec spec, int rank, int channels, int[] in) {
        if (in.length != rank + 1 || in[0] != channels) {
            throw new IllegalArgumentException(spec + " expects [" + channels + ", " + rank + " sizes], got "
                    + Arrays.toString(in));
        }
    }

    private static int[] withChannels(int channels, int[] spatial) {
        int[] out = new int[spatial.length + 1];
        out[0] = channels;
        System.arraycopy(spatial, 0, out, 1, spatial.length);
        return out;
    }

    /** The number of elements of a shape, refusing more than an int holds. */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds more than 2^31 elements");
            }
        }
        return (int) n;
    }
}
