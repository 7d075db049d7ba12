package org.convkit.cli.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.BatchNormLayer;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.Layer;
import org.convkit.api.nn.LinearLayer;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.PoolLayer;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluLayer;
import org.convkit.api.nn.ReluSpec;

/**
 * Handlers for the non-convolution layers against torch.nn.functional: {@code max_pool1d/2d/3d},
 * {@code avg_pool1d/2d/3d} ({@code params.kernel}, {@code params.stride}, optional
 * {@code params.padding}), {@code linear},
 * {@code relu} and {@code batch_norm_train} ({@code params.momentum}, {@code params.eps}). Each runs
 * one training forward of the layer on {@code x}, then its backward on {@code gy}, in float32.
 */
final class NnLayerHandlers {

    private NnLayerHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        for (int rank = 1; rank <= 3; rank++) {
            int r = rank;
            OpHandlers.put(m, "max_pool" + r + "d", c -> pool(c, PoolLayerSpec.Kind.MAX, r));
            OpHandlers.put(m, "avg_pool" + r + "d", c -> pool(c, PoolLayerSpec.Kind.AVG, r));
        }
        OpHandlers.put(m, "linear", NnLayerHandlers::linear);
        OpHandlers.put(m, "relu", c -> {
            ReluLayer layer = new ReluLayer(ReluSpec.relu());
            return run(layer, c, Map.of());
        });
        OpHandlers.put(m, "batch_norm_train", NnLayerHandlers::batchNorm);
    }

    private static Map<String, GoldenArray> pool(GoldenCase c, PoolLayerSpec.Kind kind, int rank) {
        int[] padding = c.param().has("padding") ? c.param().perAxisInt("padding", rank) : new int[] {0};
        PoolLayerSpec spec = new PoolLayerSpec(kind, rank, c.param().perAxisInt("kernel", rank),
                c.param().perAxisInt("stride", rank), padding);
        return run(new PoolLayer(spec), c, Map.of());
    }

    private static Map<String, GoldenArray> linear(GoldenCase c) {
        int[] w = c.input("w").shape();
        LinearLayer layer = new LinearLayer(new LinearSpec(w[1], w[0], true));
        List<Parameter> p = layer.parameters();
        load(p.get(0), c.input("w"));
        load(p.get(1), c.input("b"));
        return run(layer, c, Map.of("gw", p.get(0), "gb", p.get(1)));
    }

    private static Map<String, GoldenArray> batchNorm(GoldenCase c) {
        int channels = c.input("gamma").shape()[0];
        BatchNormLayer layer = new BatchNormLayer(new BatchNormSpec(channels, c.param().number("momentum"),
                c.param().number("eps")));
        List<Parameter> p = layer.parameters();
        load(p.get(0), c.input("gamma"));
        load(p.get(1), c.input("beta"));
        Map<String, GoldenArray> out = new HashMap<>(run(layer, c, Map.of("ggamma", p.get(0), "gbeta", p.get(1))));
        for (Parameter b : layer.buffers()) {
            out.put(b.name(), GoldenArray.of(b.value()));
        }
        return out;
    }

    /** Forward on {@code x}, backward on {@code gy}: {@code y}, {@code gx} and the named parameter gradients. */
    private static Map<String, GoldenArray> run(Layer layer, GoldenCase c, Map<String, Parameter> grads) {
        Pass pass = Pass.train(1, 0L);
        FloatNd y = layer.forward(floats(c.input("x")), pass);
        FloatNd gx = layer.backward(floats(c.input("gy")));
        Map<String, GoldenArray> out = new HashMap<>();
        out.put("y", GoldenArray.of(y));
        out.put("gx", GoldenArray.of(gx));
        grads.forEach((name, p) -> out.put(name, GoldenArray.of(p.grad())));
        return out;
    }

    private static FloatNd floats(GoldenArray a) {
        return a.toDoubleNd().toFloat();
    }

    private static void load(Parameter p, GoldenArray a) {
        if (!p.shape().equals(a.shapeNd())) {
            throw new IllegalArgumentException("parameter " + p.name() + " has shape " + p.shape() + ", golden array "
                    + a);
        }
        float[] v = floats(a).data();
        System.arraycopy(v, 0, p.value().data(), 0, v.length);
    }
}
