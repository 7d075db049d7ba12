package org.convkit.cli.conformance;

import java.util.Arrays;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.ConvLayer;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.ConvTransposeLayer;
import org.convkit.api.nn.ConvTransposeLayerSpec;
import org.convkit.api.nn.Layer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;

/**
 * Handlers for {@code conv1d/2d/3d} and {@code conv_transpose1d/2d/3d} (torch.nn.functional): the
 * layer is built from the weight's shape and the case's stride, padding, dilation and groups (and
 * output padding for the transposed kind), loaded with {@code w} and {@code b}, run forward on
 * {@code x} and backward with {@code gy}.
 */
final class NnConvHandlers {

    private NnConvHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        for (int rank = 1; rank <= 3; rank++) {
            int r = rank;
            OpHandlers.put(m, "conv" + r + "d", c -> run(c, conv(c, r)));
            OpHandlers.put(m, "conv_transpose" + r + "d", c -> run(c, convTranspose(c, r)));
        }
    }

    private static Layer conv(GoldenCase c, int rank) {
        int[] w = c.input("w").shape();
        CaseParams p = c.param();
        int groups = p.has("groups") ? p.integer("groups") : 1;
        Padding padding = p.has("padding") && c.params().get("padding").isTextual()
                ? padding(c, p.string("padding"))
                : Padding.of(ints(p, "padding", rank, 0));
        return new ConvLayer(new ConvLayerSpec(rank, c.input("x").shape()[1], w[0],
                Arrays.copyOfRange(w, 2, rank + 2), ints(p, "stride", rank, 1), padding,
                ints(p, "dilation", rank, 1), groups, true));
    }

    private static Layer convTranspose(GoldenCase c, int rank) {
        int[] w = c.input("w").shape();
        CaseParams p = c.param();
        int groups = p.has("groups") ? p.integer("groups") : 1;
        return new ConvTransposeLayer(new ConvTransposeLayerSpec(rank, w[0], w[1] * groups,
                Arrays.copyOfRange(w, 2, rank + 2), ints(p, "stride", rank, 1), ints(p, "padding", rank, 0),
                ints(p, "output_padding", rank, 0), ints(p, "dilation", rank, 1), groups, true));
    }

    private static Padding padding(GoldenCase c, String mode) {
        return switch (mode) {
            case "same" -> Padding.same();
            case "valid" -> Padding.valid();
            default -> throw new IllegalArgumentException(c.name() + ": unknown padding '" + mode + "'");
        };
    }

    private static int[] ints(CaseParams p, String name, int rank, int fallback) {
        if (!p.has(name)) {
            int[] v = new int[rank];
            Arrays.fill(v, fallback);
            return v;
        }
        return p.perAxisInt(name, rank);
    }

    private static Map<String, GoldenArray> run(GoldenCase c, Layer layer) {
        load(layer.parameters().get(0), c.input("w"));
        load(layer.parameters().get(1), c.input("b"));
        FloatNd y = layer.forward(c.input("x").toDoubleNd().toFloat(), Pass.train(1, 0L));
        FloatNd gx = layer.backward(c.input("gy").toDoubleNd().toFloat());
        return Map.of("y", GoldenArray.of(y), "gx", GoldenArray.of(gx),
                "gw", GoldenArray.of(layer.parameters().get(0).grad()),
                "gb", GoldenArray.of(layer.parameters().get(1).grad()));
    }

    private static void load(Parameter p, GoldenArray a) {
        if (!p.shape().equals(a.shapeNd())) {
            throw new IllegalArgumentException("parameter " + p.name() + " has shape " + p.shape() + ", golden array "
                    + a);
        }
        float[] v = a.toDoubleNd().toFloat().toArray();
        System.arraycopy(v, 0, p.value().data(), 0, v.length);
    }
}
