package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.IdxFolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three benchmark networks of WORKLOADS.md (LeNet-5, the 1-d EEG net, the 3-d CT net) through
 * the production paths at their own input shapes, against PyTorch: {@code torch_nets.json}, written
 * by {@code torch_nets.py} (same resource folder), holds torch's float64 logits, loss and parameter
 * gradients, and for LeNet-5 the losses around three float32 Adam 1e-3 steps. Both sides start
 * from the same weights and hashed inputs, computed bit for bit ({@link #hashed}); LeNet-5 reads
 * the first 64 training images of the bundled MNIST subset. The layer cases of the golden files
 * are small; these are the shapes where the packed, shifted and multi-threaded kernels run.
 */
class TorchNetsTest {
    /**
     * Error allowed, relative to the largest reference value of each tensor. torch's own float32
     * run is within 1.4e-6 (lenet), 2.9e-6 (eeg1d) and 6.2e-6 (ct3d) of its float64 run, as
     * torch_nets.py prints; convkit's was within 6.8e-7 in all three.
     */
    private static final double TOLERANCE = 1e-5;
    private static final int BATCH = 64;
    /**
     * Adam's first steps move each weight by about {@code lr * g / (|g| + 1e-8)}, so a weight whose
     * gradient is float32 rounding noise ({@code |g|} near 1e-8, from cancelling sums) moves by an
     * amount that is itself noise: on He-initialised LeNet, torch's own float32 step differed from
     * its float64 step by up to 1e-2 of the largest update on {@code linear8.weight}, and ours by
     * 2.5e-2, with gradient errors of the same size as torch's. Each step moves the loss by 0.2 to
     * 0.5, so a wrong update rule (a missing bias correction triples the first step) is far outside
     * this bound.
     */
    private static final double ADAM_LOSS_TOLERANCE = 1e-3;

    private static JsonNode reference() throws IOException {
        try (InputStream in = TorchNetsTest.class.getResourceAsStream("torch_nets.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode find(JsonNode ref, String name) {
        for (JsonNode c : ref.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name + " in torch_nets.json");
    }

    private static Dataset mnist() throws IOException, URISyntaxException {
        return IdxFolder.load(Path.of(TorchNetsTest.class.getResource("/mnist-subset").toURI())).train();
    }

    private static SequentialSpec spec(String name) {
        return switch (name) {
            case "lenet" -> ModelSpecs.benchLenet5();
            case "eeg1d" -> ModelSpecs.benchEeg1d();
            case "ct3d" -> ModelSpecs.benchCt3d();
            default -> throw new AssertionError("unknown net " + name);
        };
    }

    private static Model model(JsonNode c) {
        Model model = Model.build(spec(c.get("name").asText()));
        int index = 0;
        for (Parameter p : model.parameters().values()) {
            float[] d = p.value().data();
            int scale = c.get("scale_log2").get(index).asInt();
            for (int i = 0; i < p.size(); i++) {
                d[p.value().offset() + i] = hashed(index, i, scale);
            }
            index++;
        }
        return model;
    }

    /** {@code U[-1, 1) * 2^scale} from a 32-bit hash of (index, element), as torch_nets.py computes it. */
    static float hashed(int index, int element, int scale) {
        int h = element * (int) 2654435761L + index * 40503 + 12345;
        h ^= h >>> 15;
        h *= (int) 2246822519L;
        h ^= h >>> 13;
        return (float) Math.scalb(((h >>> 8) - (1 << 23)) / (double) (1 << 23), scale);
    }

    /** The case's first batch: MNIST images 0-63 for lenet, else the hashed input with labels {@code i mod classes}. */
    private static Dataset.Batch input(JsonNode ref, JsonNode c, int classes) throws Exception {
        if (c.get("name").asText().equals("lenet")) {
            return batch(mnist(), 0);
        }
        int[] dims = new int[c.get("input_shape").size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = c.get("input_shape").get(i).asInt();
        }
        Shape shape = Shape.of(dims);
        float[] x = new float[shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = hashed(ref.get("input_hash_index").asInt(), i, 0);
        }
        float[] y = new float[dims[0]];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % classes;
        }
        return new Dataset.Batch(FloatNd.of(shape, x), FloatNd.of(Shape.of(dims[0]), y));
    }

    private static Dataset.Batch batch(Dataset data, int b) {
        int[] idx = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            idx[i] = b * BATCH + i;
        }
        return data.batch(idx);
    }

    /** Every {@code stride}-th element of {@code got} against {@code want}, relative to want's largest magnitude. */
    private static void close(JsonNode want, FloatNd got, int stride, String what) {
        double max = 0;
        for (JsonNode v : want) {
            max = Math.max(max, Math.abs(v.asDouble()));
        }
        assertEquals(want.size(), (got.shape().size() + stride - 1) / stride, what + " sample count");
        for (int j = 0; j < want.size(); j++) {
            assertEquals(want.get(j).asDouble(), got.getDouble(j * stride), TOLERANCE * max, what + " element " + j * stride);
        }
    }

    @ParameterizedTest
    @CsvSource({"lenet, 10, 1", "lenet, 10, 2", "eeg1d, 4, 1", "eeg1d, 4, 2", "ct3d, 2, 1", "ct3d, 2, 2"})
    void gradientsMatchTorch(String name, int classes, int threads) throws Exception {
        JsonNode ref = reference();
        JsonNode c = find(ref, name);
        Model model = model(c);
        Dataset.Batch b = input(ref, c, classes);
        FloatNd logits = model.forward(b.x(), Pass.train(threads, 0));
        close(c.get("logits"), logits, 1, "logits");
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        assertEquals(c.get("loss").asDouble(), loss.forward(logits, b.y()), 1e-5 * c.get("loss").asDouble(), "loss");
        model.backwardParameters(loss.backward());
        int k = 0;
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            JsonNode g = c.get("grads").get(k++);
            close(g.get("data"), e.getValue().grad(), g.get("stride").asInt(), e.getKey() + " gradient");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lenetAdamStepsMatchTorch(int threads) throws Exception {
        JsonNode c = find(reference(), "lenet");
        Model model = model(c);
        Dataset data = mnist();
        List<Parameter> params = List.copyOf(model.parameters().values());
        Optimizer adam = AdamConfig.of(1e-3).build(params);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        double[] want = new double[4];
        double[] got = new double[4];
        for (int b = 1; b <= 4; b++) {
            Dataset.Batch batch = batch(data, b);
            adam.zeroGrad();
            got[b - 1] = loss.forward(model.forward(batch.x(), Pass.train(threads, 0)), batch.y());
            want[b - 1] = c.get("adam_losses").get(b - 1).asDouble();
            if (b < 4) {
                model.backwardParameters(loss.backward());
                adam.step();
            }
        }
        assertArrayEquals(want, got, ADAM_LOSS_TOLERANCE, "losses of batches 1-4 around three Adam steps");
    }
}
