package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Padded max and average pooling against PyTorch 1.13's {@code max_poolNd}/{@code avg_poolNd}:
 * forward and input gradient at ranks 1 to 3, with ties and all-negative inputs. The numbers are in
 * {@code pool_reference.json}, written by {@code pool_reference.py} (same resource folder; run it
 * with /usr/bin/python3 to regenerate).
 */
class PoolLayerTorchReferenceTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static FloatNd array(JsonNode a) {
        float[] d = new float[a.get("data").size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) a.get("data").get(i).asDouble();
        }
        return FloatNd.of(Shape.of(ints(a.get("shape"))), d);
    }

    private static void close(JsonNode want, FloatNd got, String what) {
        FloatNd w = array(want);
        assertEquals(w.shape(), got.shape(), what + " shape");
        for (int i = 0; i < w.shape().size(); i++) {
            double x = w.getDouble(i);
            assertEquals(x, got.getDouble(i), ATOL + RTOL * Math.abs(x), what + " element " + i);
        }
    }

    @TestFactory
    Stream<DynamicTest> paddedPoolingMatchesTorchForwardAndBackward() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("pool_reference.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            int[] kernel = ints(c.get("kernel"));
            PoolLayerSpec spec = new PoolLayerSpec(c.get("kind").asText().equals("max") ? PoolLayerSpec.Kind.MAX
                    : PoolLayerSpec.Kind.AVG, kernel.length, kernel, ints(c.get("stride")), ints(c.get("padding")));
            String name = spec + " " + c.get("input").asText() + " " + c.get("x").get("shape");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                FloatNd x = array(c.get("x"));
                PoolLayer eval = new PoolLayer(spec);
                close(c.get("y"), eval.forward(x, Pass.eval(1)), name + " eval forward");
                PoolLayer train = new PoolLayer(spec);
                close(c.get("y"), train.forward(x, Pass.train(1, 0)), name + " training forward");
                close(c.get("gx"), train.backward(array(c.get("gy"))), name + " backward");
            }));
        }
        return tests.stream();
    }
}
