package org.convkit.api.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A test stand-in for a built model that has only what model files touch: the spec and
 * parameters and buffers named and shaped as PyTorch names and shapes them (conv and linear
 * {@code weight}, {@code bias}; batch norm's {@code running_mean}, {@code running_var}). It lets
 * the file format be tested apart from the layer implementations.
 */
class SpecOnlyModel implements Model {
    private final ModelSpec spec;
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final Map<String, Parameter> buffers = new LinkedHashMap<>();

    SpecOnlyModel(ModelSpec spec) {
        this.spec = spec;
        if (spec instanceof SequentialSpec s) {
            s.layers().forEach(l -> add(l.name(), l.spec()));
        } else {
            ((GraphSpec) spec).nodes().stream().filter(n -> n.layer() != null).forEach(n -> add(n.name(), n.layer()));
        }
    }

    /** The model with every parameter and buffer filled from a seeded generator. */
    static SpecOnlyModel random(ModelSpec spec, long seed) {
        SpecOnlyModel m = new SpecOnlyModel(spec);
        Random r = new Random(seed);
        List<Parameter> all = new ArrayList<>(m.params.values());
        all.addAll(m.buffers.values());
        for (Parameter p : all) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) r.nextGaussian();
            }
        }
        return m;
    }

    private void add(String layer, LayerSpec s) {
        if (s instanceof ConvLayerSpec c) {
            weightAndBias(layer, prepend(c.outChannels(), c.inChannels() / c.groups(), c.kernel()), c.outChannels(),
                    c.bias());
        } else if (s instanceof ConvTransposeLayerSpec c) {
            weightAndBias(layer, prepend(c.inChannels(), c.outChannels() / c.groups(), c.kernel()), c.outChannels(),
                    c.bias());
        } else if (s instanceof LinearSpec l) {
            weightAndBias(layer, new int[] {l.outFeatures(), l.inFeatures()}, l.outFeatures(), l.bias());
        } else if (s instanceof BatchNormSpec b) {
            weightAndBias(layer, new int[] {b.channels()}, b.channels(), true);
            buffers.put(layer + ".running_mean", new Parameter("running_mean", Shape.of(b.channels())));
            buffers.put(layer + ".running_var", new Parameter("running_var", Shape.of(b.channels())));
        }
    }

    private void weightAndBias(String layer, int[] weight, int out, boolean bias) {
        params.put(layer + ".weight", new Parameter("weight", Shape.of(weight)));
        if (bias) {
            params.put(layer + ".bias", new Parameter("bias", Shape.of(out)));
        }
    }

    private static int[] prepend(int a, int b, int[] k) {
        int[] d = new int[k.length + 2];
        d[0] = a;
        d[1] = b;
        System.arraycopy(k, 0, d, 2, k.length);
        return d;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        throw new UnsupportedOperationException("a spec-only model has no forward pass");
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        throw new UnsupportedOperationException("a spec-only model has no backward pass");
    }

    @Override
    public Shape outputShape(Shape input) {
        throw new UnsupportedOperationException("a spec-only model has no shapes");
    }

    @Override
    public List<String> layerNames() {
        throw new UnsupportedOperationException("a spec-only model has no layers");
    }

    @Override
    public Layer layer(String name) {
        throw new UnsupportedOperationException("a spec-only model has no layers");
    }

    @Override
    public FloatNd activation(String name) {
        throw new UnsupportedOperationException("a spec-only model has no activations");
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public Map<String, Parameter> buffers() {
        return Collections.unmodifiableMap(buffers);
    }
}
