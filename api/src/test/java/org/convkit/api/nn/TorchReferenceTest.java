package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Losses and optimisers against PyTorch 1.13 in settings the shared golden files leave out. The
 * reference numbers are in {@code torch_reference.json}, written by {@code torch_reference.py} (same
 * resource folder; run it with /usr/bin/python3 to regenerate).
 */
class TorchReferenceTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;

    private static JsonNode cases() throws IOException {
        try (InputStream in = TorchReferenceTest.class.getResourceAsStream("torch_reference.json")) {
            return new ObjectMapper().readTree(in).get("cases");
        }
    }

    private static FloatNd array(JsonNode a) {
        int[] shape = new int[a.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = a.get("shape").get(i).asInt();
        }
        float[] d = new float[a.get("data").size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) a.get("data").get(i).asDouble();
        }
        return FloatNd.of(Shape.of(shape), d);
    }

    private static void close(JsonNode want, FloatNd got, String what) {
        FloatNd w = array(want);
        assertEquals(w.shape(), got.shape(), what);
        for (int i = 0; i < w.shape().size(); i++) {
            double x = w.getDouble(i);
            assertEquals(x, got.getDouble(i), ATOL + RTOL * Math.abs(x), what + " element " + i);
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesTorch() throws IOException {
        JsonNode cases = cases();
        return IntStream.range(0, cases.size()).mapToObj(i -> {
            JsonNode c = cases.get(i);
            String kind = c.get("kind").asText();
            return DynamicTest.dynamicTest(i + " " + kind + (c.has("name") ? " " + c.get("name").asText() : "")
                    + (c.has("params") ? " " + c.get("params") : ""), () -> check(kind, c));
        });
    }

    private static void check(String kind, JsonNode c) {
        switch (kind) {
            case "optim" -> optim(c);
            case "cross_entropy" -> loss(new SoftmaxCrossEntropy(), c, "logits", "labels");
            case "dice" -> loss(new DiceLoss(c.get("eps").asDouble()), c, "logits", "labels");
            case "mse" -> loss(new MseLoss(), c, "output", "target");
            default -> throw new IllegalArgumentException("unknown case kind " + kind);
        }
    }

    private static void loss(Loss loss, JsonNode c, String output, String target) {
        float value = loss.forward(array(c.get(output)), array(c.get(target)));
        double want = c.get("loss").asDouble();
        assertEquals(want, value, ATOL + RTOL * Math.abs(want), "loss");
        close(c.get("grad"), loss.backward(), "gradient");
    }

    private static void optim(JsonNode c) {
        JsonNode p = c.get("params");
        double lr = p.get("lr").asDouble();
        double wd = p.get("weight_decay").asDouble();
        OptimizerConfig config = switch (c.get("name").asText()) {
            case "sgd" -> new SgdConfig(lr, p.get("momentum").asDouble(), p.get("nesterov").asBoolean(), wd);
            case "adam" -> new AdamConfig(lr, p.get("betas").get(0).asDouble(), p.get("betas").get(1).asDouble(),
                    p.get("eps").asDouble(), wd);
            default -> new AdamWConfig(lr, p.get("betas").get(0).asDouble(), p.get("betas").get(1).asDouble(),
                    p.get("eps").asDouble(), wd);
        };
        Parameter param = new Parameter("weight", array(c.get("p0")));
        Optimizer opt = config.build(List.of(param));
        FloatNd grads = array(c.get("grads"));
        int n = param.size();
        for (int s = 0; s < grads.shape().dim(0); s++) {
            opt.zeroGrad();
            System.arraycopy(grads.data(), s * n, param.grad().data(), 0, n);
            opt.step();
        }
        close(c.get("p"), param.value(), "parameter after " + grads.shape().dim(0) + " steps");
    }
}
