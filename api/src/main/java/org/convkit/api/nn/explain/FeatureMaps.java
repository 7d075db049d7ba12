package org.convkit.api.nn.explain;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.transfer.Features;

/** What a network computes inside: a layer's feature maps for one input, and the first layer's filters. */
public final class FeatureMaps {

    private FeatureMaps() {
    }

    /**
     * The output of {@code layer} for one raw input {@code x [C, ...]} (normalised first, as the
     * scorer does), without the batch axis: {@code [C', spatial'...]} for a convolution's maps.
     */
    public static FloatNd of(Scorer scorer, String layer, FloatNd x) {
        FloatNd in = scorer.input(x.reshape(x.shape().prepend(1)));
        FloatNd a = Features.activations(scorer.model(), layer, in, scorer.threads());
        return a.reshape(a.shape().dropFirst());
    }

    /**
     * The weight of the first convolution in forward order, {@code [out, in / groups, k...]} (a copy):
     * the filters that look at the input directly.
     *
     * @throws IllegalArgumentException when the model has no convolution
     */
    public static FloatNd firstLayerFilters(Model model) {
        List<String> layers = model.spec() instanceof GraphSpec g
                ? g.nodes().stream().filter(n -> n.kind() == GraphSpec.Node.Kind.LAYER).map(GraphSpec.Node::name).toList()
                : model.layerNames();
        for (String name : layers) {
            if (model.layer(name).spec() instanceof ConvLayerSpec) {
                Parameter w = model.parameters().get(name + ".weight");
                return w.value().copy();
            }
        }
        throw new IllegalArgumentException("the model has no convolution layer; layers are " + model.layerNames());
    }
}
