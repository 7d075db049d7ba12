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
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.IdxFolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LeNet-5 (WORKLOADS.md) through the production paths, at the benchmark's shapes (batch 64,
 * 28x28), against PyTorch: {@code lenet_torch.json}, written by {@code lenet_torch.py} (same
 * resource folder), holds torch's float64 logits, loss and parameter gradients for the first 64
 * training images of the bundled MNIST subset, and the losses of three float32 Adam 1e-3 steps.
 * Both sides start from the same weights, computed bit for bit from a hash ({@link #weight}). The
 * layer cases of the golden files are small; these are the shapes where the packed, shifted and
 * multi-threaded kernels run.
 */
class LeNetTorchTest {
    /** Error allowed, relative to the largest reference value of each tensor (float32 sums over up to 400 terms). */
    private static final double TOLERANCE = 1e-5;
    private static final int BATCH = 64;
    /**
     * Adam's first steps move each weight by about {@code lr * g / (|g| + 1e-8)}, so a weight whose
     * gradient is float32 rounding noise ({@code |g|} near 1e-8, from cancelling sums) moves by an
     * amount that is itself noise: on He-initialised LeNet, torch's own float32 step differed from
     * its float64 step by up to 1e-2 of the largest update on {@code linear8.weight}, and ours by
     * 2.5e-2, with gradient errors of the same size as torch's. After three steps the loss here
     * differs from torch's by 6e-5. Each step moves the loss by 0.2 to 0.5, so a wrong update rule
     * (a missing bias correction triples the first step) is far outside this bound.
     */
    private static final double ADAM_LOSS_TOLERANCE = 1e-3;

    private static JsonNode reference() throws IOException {
        try (InputStream in = LeNetTorchTest.class.getResourceAsStream("lenet_torch.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Dataset train() throws IOException, URISyntaxException {
        return IdxFolder.load(Path.of(LeNetTorchTest.class.getResource("/mnist-subset").toURI())).train();
    }

    private static Model lenet(JsonNode ref) {
        Model model = Model.build(SequentialSpec.of(
                ConvLayerSpec.of(2, 1, 6, 5, Padding.of(2)), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                ConvLayerSpec.of(2, 6, 16, 5, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                new FlattenSpec(), new LinearSpec(400, 120, true), ReluSpec.relu(),
                new LinearSpec(120, 84, true), ReluSpec.relu(), new LinearSpec(84, 10, true)));
        int index = 0;
        for (Parameter p : model.parameters().values()) {
            float[] d = p.value().data();
            int scale = ref.get("scale_log2").get(index).asInt();
            for (int i = 0; i < p.size(); i++) {
                d[p.value().offset() + i] = weight(index, i, scale);
            }
            index++;
        }
        return model;
    }

    /** {@code U[-1, 1) * 2^scale} from a 32-bit hash of (parameter, element), as lenet_torch.py computes it. */
    static float weight(int parameter, int element, int scale) {
        int h = element * (int) 2654435761L + parameter * 40503 + 12345;
        h ^= h >>> 15;
        h *= (int) 2246822519L;
        h ^= h >>> 13;
        return (float) Math.scalb(((h >>> 8) - (1 << 23)) / (double) (1 << 23), scale);
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
    @ValueSource(ints = {1, 2})
    void gradientsMatchTorch(int threads) throws Exception {
        JsonNode ref = reference();
        Model model = lenet(ref);
        Dataset.Batch b = batch(train(), 0);
        FloatNd logits = model.forward(b.x(), Pass.train(threads, 0));
        close(ref.get("logits"), logits, 1, "logits");
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        assertEquals(ref.get("loss").asDouble(), loss.forward(logits, b.y()), 1e-6, "loss");
        model.backwardParameters(loss.backward());
        int k = 0;
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            JsonNode g = ref.get("grads").get(k++);
            close(g.get("data"), e.getValue().grad(), g.get("stride").asInt(), e.getKey() + " gradient");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void adamStepsMatchTorch(int threads) throws Exception {
        JsonNode ref = reference();
        Model model = lenet(ref);
        Dataset data = train();
        List<Parameter> params = List.copyOf(model.parameters().values());
        Optimizer adam = AdamConfig.of(1e-3).build(params);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        double[] want = new double[4];
        double[] got = new double[4];
        for (int b = 1; b <= 4; b++) {
            Dataset.Batch batch = batch(data, b);
            adam.zeroGrad();
            got[b - 1] = loss.forward(model.forward(batch.x(), Pass.train(threads, 0)), batch.y());
            want[b - 1] = ref.get("adam_losses").get(b - 1).asDouble();
            if (b < 4) {
                model.backwardParameters(loss.backward());
                adam.step();
            }
        }
        assertArrayEquals(want, got, ADAM_LOSS_TOLERANCE, "losses of batches 1-4 around three Adam steps");
    }
}
