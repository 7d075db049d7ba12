package org.convkit.api.nn.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.GraphSpec.Node;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static LoadedModel loaded(Model m) {
        return new LoadedModel(m, new ModelMetadata(Dataset.indexNames(4), new int[] {1, Motifs.LENGTH}, null, null,
                new ModelMetadata.Provenance("test", 1, "motifs", "2026-01-01T00:00:00Z", "17")));
    }

    @Test
    void freezingUpToAnAbsentLayerNamesItAndListsTheLayers() {
        var e = assertThrows(IllegalArgumentException.class, () -> Transfer.freezeUntil(Motifs.model(4, 1), "conv9"));
        assertTrue(e.getMessage().contains("'conv9'") && e.getMessage().contains("[conv1, relu1, pool1, conv2"),
                e.getMessage());
    }

    @Test
    void freezingStopsAfterTheNamedLayer() {
        Model m = Motifs.model(4, 1);
        assertEquals(List.of("conv1.weight", "conv1.bias"), Transfer.freezeUntil(m, "pool1"));
        m.parameters().forEach((name, p) -> assertEquals(!name.startsWith("conv1."), p.trainable(), name));
    }

    @Test
    void newHeadKeepsEveryOtherWeightAndIsDrawnFromTheSeed() {
        Model m = Motifs.model(4, 1);
        Model a = Transfer.replaceHead(m, null, 3, 11);
        Model b = Transfer.replaceHead(m, "fc", 3, 11);
        assertEquals(new LinearSpec(8, 3, true), a.layer("fc").spec());
        m.parameters().forEach((name, p) -> {
            if (!name.startsWith("fc.")) {
                assertArrayEquals(p.value().toArray(), a.parameters().get(name).value().toArray(), name);
            }
        });
        // the head alone, drawn as Init draws a fresh model's fc from the same seed
        var fresh = new java.util.LinkedHashMap<String, Parameter>();
        fresh.put("fc.weight", new Parameter("weight", Shape.of(3, 8)));
        fresh.put("fc.bias", new Parameter("bias", Shape.of(3)));
        Init.initialise(fresh, 11, Init.Scheme.PYTORCH_DEFAULT);
        assertArrayEquals(fresh.get("fc.weight").value().toArray(), a.parameters().get("fc.weight").value().toArray());
        assertArrayEquals(fresh.get("fc.bias").value().toArray(), b.parameters().get("fc.bias").value().toArray());
    }

    @Test
    void freezingTheNewHeadIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Transfer.prepare(loaded(Motifs.model(4, 1)), "fc", 2, 1));
        assertTrue(e.getMessage().contains("'fc'"), e.getMessage());
    }

    @Test
    void preparedModelNamesItsNewClassesAndLeavesTheOriginalAlone() {
        Model m = Motifs.model(4, 1);
        LoadedModel p = Transfer.prepare(loaded(m), "conv2", 2, 1);
        assertEquals(List.of("0", "1"), p.metadata().classNames());
        assertTrue(m.parameters().values().stream().allMatch(Parameter::trainable));
        assertEquals(List.of(false, false, false, false, true, true),
                p.model().parameters().values().stream().map(Parameter::trainable).toList());
    }

    @Test
    void frozenParametersReceiveNoGradient() {
        Model m = Motifs.model(4, 1);
        Transfer.freezeUntil(m, "conv2");
        Dataset d = Motifs.of(8, new int[] {0, 1, 2, 3}, 1);
        var loss = new SoftmaxCrossEntropy();
        loss.forward(m.forward(d.features(), Pass.train(1, 1)), FloatNd.of(Shape.of(8), toFloats(d.labels())));
        m.backwardParameters(loss.backward());
        m.parameters().forEach((name, p) -> {
            boolean zero = java.util.Arrays.equals(p.grad().toArray(), new float[p.size()]);
            assertEquals(!p.trainable(), zero, name);
        });
    }

    @Test
    void frozenBatchNormNormalisesWithItsRunningStatisticsWhileTraining() {
        Model m = Model.build(new org.convkit.api.nn.SequentialSpec(List.of(
                new org.convkit.api.nn.NamedLayer("bn", new org.convkit.api.nn.BatchNormSpec(2, 0.1, 1e-5)),
                new org.convkit.api.nn.NamedLayer("flat", new org.convkit.api.nn.FlattenSpec()),
                new org.convkit.api.nn.NamedLayer("fc", new LinearSpec(32, 2, true)))));
        m.buffers().get("bn.running_mean").value().data()[0] = 0.5f;
        m.buffers().get("bn.running_var").value().data()[1] = 2f;
        FloatNd x = Motifs.of(4, new int[] {0}, 9).features().reshape(Shape.of(4, 2, 16));
        FloatNd eval = m.forward(x, Pass.eval(1));
        Transfer.freezeUntil(m, "bn");
        FloatNd train = m.forward(x, Pass.train(1, 1));
        assertArrayEquals(eval.toArray(), train.toArray());
        assertArrayEquals(new float[] {0.5f, 0f}, m.buffers().get("bn.running_mean").value().toArray());
        assertArrayEquals(new float[] {1f, 2f}, m.buffers().get("bn.running_var").value().toArray());
    }

    @Test
    void graphHeadIsReplacedInPlace() {
        Model g = Model.build(new GraphSpec(List.of(
                Node.layer("a", new LinearSpec(4, 4, true), GraphSpec.INPUT),
                Node.layer("r", ReluSpec.relu(), "a"),
                Node.add("sum", "a", "r"),
                Node.layer("head", new LinearSpec(4, 5, false), "sum")), "head"));
        Init.initialise(g, 3, Init.Scheme.KAIMING_UNIFORM);
        Model h = Transfer.replaceHead(g, null, 2, 4);
        assertEquals(Shape.of(3, 2), h.outputShape(Shape.of(3, 4)));
        assertArrayEquals(g.parameters().get("a.weight").value().toArray(),
                h.parameters().get("a.weight").value().toArray());
        assertFalse(h.parameters().containsKey("head.bias"));
    }

    private static float[] toFloats(int[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = a[i];
        }
        return f;
    }
}
