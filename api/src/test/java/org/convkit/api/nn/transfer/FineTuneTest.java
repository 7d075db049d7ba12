package org.convkit.api.nn.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.Evaluator;
import org.convkit.api.nn.train.Trainer;
import org.convkit.api.nn.train.TrainerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pretrain on task A (four motifs, plenty of data), then learn task B (tell two of the motifs
 * apart: the bump and the spike pair, from six samples) by a new head on frozen features, against
 * the same network trained from scratch on the same six samples.
 */
class FineTuneTest {
    private static final int[] TASK_A = {0, 1, 2, 3};
    private static final int[] TASK_B = {0, 2};

    private static Model pretrained;
    private static Dataset fewB;
    private static Dataset testB;

    @BeforeAll
    static void pretrainOnTaskA() {
        pretrained = Motifs.model(4, 1);
        train(pretrained, Motifs.of(400, TASK_A, 2), 15, 16, 1e-2);
        fewB = Motifs.of(6, TASK_B, 3);
        testB = Motifs.of(400, TASK_B, 4);
    }

    private static void train(Model m, Dataset data, int epochs, int batch, double rate) {
        var optimizer = AdamConfig.of(rate).build(List.copyOf(m.parameters().values()));
        new Trainer(TrainerConfig.of(epochs, batch, 5), m, new SoftmaxCrossEntropy(), optimizer).fit(data, null);
    }

    private static double accuracy(Model m, Dataset data) {
        return Evaluator.evaluate(m, data, 64, 1).accuracy();
    }

    private static Map<String, float[]> copies(Model m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.parameters().forEach((name, p) -> out.put(name, p.value().toArray()));
        m.buffers().forEach((name, p) -> out.put(name, p.value().toArray()));
        return out;
    }

    private static LoadedModel prepared() {
        ModelMetadata meta = new ModelMetadata(Dataset.indexNames(4), new int[] {1, Motifs.LENGTH}, null, null,
                new ModelMetadata.Provenance("test", 1, "motifs", "2026-01-01T00:00:00Z", "17"));
        return Transfer.prepare(new LoadedModel(pretrained, meta), "gap", 2, 7);
    }

    @Test
    void newHeadOnFrozenFeaturesBeatsTrainingFromScratchOnFewSamples() {
        Model tuned = prepared().model();
        train(tuned, fewB, 60, 6, 3e-2);
        Model scratch = Motifs.model(2, 1);
        train(scratch, fewB, 60, 6, 3e-2);
        double a = accuracy(tuned, testB);
        double b = accuracy(scratch, testB);
        assertTrue(a > b, "fine-tuned " + a + " vs from scratch " + b);
    }

    @Test
    void fineTuningLeavesFrozenWeightsBitIdenticalAndChangesTheHead() {
        LoadedModel p = prepared();
        Model tuned = p.model();
        Map<String, float[]> before = copies(tuned);
        train(tuned, fewB, 5, 6, 3e-2);
        Map<String, float[]> after = copies(tuned);
        for (String name : before.keySet()) {
            if (name.startsWith("fc.")) {
                assertFalse(java.util.Arrays.equals(before.get(name), after.get(name)), name + " did not change");
            } else {
                assertArrayEquals(before.get(name), after.get(name), name + " changed");
            }
        }
    }
}
