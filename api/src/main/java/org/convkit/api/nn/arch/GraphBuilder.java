package org.convkit.api.nn.arch;

import java.util.ArrayList;
import java.util.List;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.ReluSpec;

/** Appends named nodes to a {@link GraphSpec}; each method returns the new node's name for the next to read. */
final class GraphBuilder {
    private final List<GraphSpec.Node> nodes = new ArrayList<>();
    final int rank;

    GraphBuilder(int rank) {
        this.rank = rank;
    }

    String layer(String name, LayerSpec spec, String input) {
        nodes.add(GraphSpec.Node.layer(name, spec, input));
        return name;
    }

    /** A convolution with the same kernel, stride and explicit padding on every axis, dilation 1, one group. */
    String conv(String name, String input, int in, int out, int kernel, int stride, int padding, boolean bias) {
        return layer(name, new ConvLayerSpec(rank, in, out, new int[] {kernel}, new int[] {stride},
                Padding.of(padding), new int[] {1}, 1, bias), input);
    }

    String batchNorm(String name, String input, int channels) {
        return layer(name, BatchNormSpec.of(channels), input);
    }

    String relu(String name, String input) {
        return layer(name, ReluSpec.relu(), input);
    }

    String add(String name, String... inputs) {
        nodes.add(GraphSpec.Node.add(name, inputs));
        return name;
    }

    String concat(String name, String... inputs) {
        nodes.add(GraphSpec.Node.concat(name, inputs));
        return name;
    }

    GraphSpec build(String output) {
        return new GraphSpec(nodes, output);
    }
}
