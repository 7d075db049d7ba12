package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    /** One training step of {@code 0.5 |y|^2} on a seeded batch, dropout drawing from {@code step}. */
    static void trainStep(Model m, Optimizer opt, int step) {
        opt.zeroGrad();
        FloatNd x = V1Models.input(4, new int[] {1, 4, 3}, 100 + step);
        FloatNd y = m.forward(x, Pass.train(1, step));
        m.backward(y.copy());
        opt.step();
    }

    /** SGD with momentum 0.9 (state {@code index.momentum_buffer}) over the model's parameters. */
    static Optimizer optimizer(Model m) {
        return new SgdConfig(0.01, 0.9, false, 0).build(new ArrayList<>(m.parameters().values()));
    }

    static Optimizer adam(Model m) {
        return AdamConfig.of(1e-3).build(new ArrayList<>(m.parameters().values()));
    }

    static ObjectNode trainerState(int epoch) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("epoch", epoch).put("rngState", 0x5DEECE66DL).put("bestMetric", 0.875);
        o.putArray("history").add(1.5).add(0.75);
        return o;
    }

    private Path trained(String name, int steps) throws IOException {
        Model m = V1Models.build(V1Models.mlpSpec(), 1);
        Optimizer opt = optimizer(m);
        for (int s = 0; s < steps; s++) {
            trainStep(m, opt, s);
        }
        Path p = dir.resolve(name);
        Checkpoint.save(p, m, V1Models.mlpMetadata(), opt, trainerState(steps));
        return p;
    }

    @Test
    void contentsHoldTheOptimiserStateStepsRateAndTrainerState() throws IOException {
        Model m = V1Models.build(V1Models.mlpSpec(), 1);
        Optimizer opt = optimizer(m);
        trainStep(m, opt, 0);
        opt.setLearningRate(0.005);
        Path p = dir.resolve("c.ckpt");
        Checkpoint.save(p, m, V1Models.mlpMetadata(), opt, trainerState(1));
        Checkpoint.Contents c = Checkpoint.load(p);
        assertEquals(1, c.optimizerSteps());
        assertEquals(0.005, c.learningRate());
        assertEquals(trainerState(1), c.trainerState());
        assertEquals(new ArrayList<>(opt.state().keySet()), new ArrayList<>(c.optimizerState().keySet()));
        opt.state().forEach((k, v) -> assertArrayEquals(v, c.optimizerState().get(k), k));
        ModelFileTest.assertSameTensors(m.parameters(), c.loaded().model().parameters());
        assertEquals(V1Models.mlpMetadata(), c.loaded().metadata());
    }

    @Test
    void resumedTrainingEndsWithTheSameWeightsAsAnUninterruptedRun() throws IOException {
        Model straight = V1Models.build(V1Models.mlpSpec(), 1);
        Optimizer so = optimizer(straight);
        for (int s = 0; s < 4; s++) {
            trainStep(straight, so, s);
        }
        Checkpoint.Contents c = Checkpoint.load(trained("half.ckpt", 2));
        Model resumed = c.loaded().model();
        Optimizer ro = optimizer(resumed);
        c.restoreOptimizer(ro);
        for (int s = 2; s < 4; s++) {
            trainStep(resumed, ro, s);
        }
        ModelFileTest.assertSameTensors(straight.parameters(), resumed.parameters());
        ModelFileTest.assertSameTensors(straight.buffers(), resumed.buffers());
    }

    @Test
    void resumedAdamTrainingEndsWithTheSameWeightsAsAnUninterruptedRun() throws IOException {
        Model straight = V1Models.build(V1Models.mlpSpec(), 1);
        Optimizer so = adam(straight);
        for (int s = 0; s < 4; s++) {
            trainStep(straight, so, s);
        }
        Model half = V1Models.build(V1Models.mlpSpec(), 1);
        Optimizer ho = adam(half);
        for (int s = 0; s < 2; s++) {
            trainStep(half, ho, s);
        }
        Path p = dir.resolve("adam.ckpt");
        Checkpoint.save(p, half, V1Models.mlpMetadata(), ho, trainerState(2));
        Checkpoint.Contents c = Checkpoint.load(p);
        Model resumed = c.loaded().model();
        Optimizer ro = adam(resumed);
        c.restoreOptimizer(ro);
        for (int s = 2; s < 4; s++) {
            trainStep(resumed, ro, s);
        }
        ModelFileTest.assertSameTensors(straight.parameters(), resumed.parameters());
        assertEquals(so.steps(), ro.steps());
    }

    @Test
    void stateOfAnotherOptimiserKindIsRefusedOnRestore() throws IOException {
        Checkpoint.Contents c = Checkpoint.load(trained("c.ckpt", 1));
        Optimizer other = adam(c.loaded().model());
        String m = assertThrows(IllegalArgumentException.class, () -> c.restoreOptimizer(other)).getMessage();
        assertTrue(m.contains("momentum_buffer"), m);
    }

    @Test
    void saveLoadSaveGivesAByteIdenticalFile() throws IOException {
        Path a = trained("a.ckpt", 3);
        Checkpoint.Contents c = Checkpoint.load(a);
        Optimizer opt = optimizer(c.loaded().model());
        c.restoreOptimizer(opt);
        Path b = dir.resolve("b.ckpt");
        Checkpoint.save(b, c.loaded().model(), c.loaded().metadata(), opt, c.trainerState());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void checkpointAlsoLoadsAsAModelFile() throws IOException {
        LoadedModel loaded = ModelFile.load(trained("c.ckpt", 1));
        assertEquals(V1Models.mlpSpec(), loaded.model().spec());
    }

    @Test
    void optimiserStateEntriesAreOneDimensionalNpyFilesAfterTheModel() throws IOException {
        var entries = Archives.entries(trained("c.ckpt", 1));
        List<String> names = new ArrayList<>(entries.keySet());
        int opt = names.indexOf("optimizer.json");
        assertTrue(opt > names.indexOf("model.json"), names.toString());
        assertEquals("trainer.json", names.get(names.size() - 1));
        assertEquals("optimizer/0.momentum_buffer.npy", names.get(opt + 1));
        Archives.Npy npy = Archives.parseFloat32Npy(entries.get("optimizer/0.momentum_buffer.npy"));
        assertEquals(1, npy.shape().length);
        String json = Archives.text(entries.get("optimizer.json"));
        assertTrue(json.contains("\"kind\" : \"sgd\"") && json.contains("\"steps\" : 1"), json);
    }

    private String loadError(Path p) {
        String m = assertThrows(DataFileException.class, () -> Checkpoint.load(p)).getMessage();
        assertTrue(m.startsWith(p.toString() + ": "), m);
        return m;
    }

    @Test
    void missingOptimiserEntryIsNamed() throws IOException {
        Path p = trained("c.ckpt", 1);
        Archives.edit(p, e -> e.remove("optimizer/2.momentum_buffer.npy"));
        assertTrue(loadError(p).contains("lacks the entry optimizer/2.momentum_buffer.npy"));
    }

    @Test
    void optimiserEntryNotListedIsRefused() throws IOException {
        Path p = trained("c.ckpt", 1);
        Archives.edit(p, e -> e.put("optimizer/9.exp_avg.npy", e.get("optimizer/0.momentum_buffer.npy")));
        assertTrue(loadError(p).contains("optimizer/9.exp_avg.npy is not listed"));
    }

    @Test
    void negativeStepCountIsRefused() throws IOException {
        Path p = trained("c.ckpt", 1);
        Archives.edit(p, e -> e.put("optimizer.json", Archives.text(e.get("optimizer.json"))
                .replace("\"steps\" : 1", "\"steps\" : -1").getBytes(StandardCharsets.UTF_8)));
        assertTrue(loadError(p).contains("optimizer.json"));
    }

    @Test
    void trainerStateThatIsNotAnObjectIsRefused() throws IOException {
        Path p = trained("c.ckpt", 1);
        Archives.edit(p, e -> e.put("trainer.json", "[1, 2]".getBytes(StandardCharsets.UTF_8)));
        assertTrue(loadError(p).contains("trainer.json must hold a JSON object"));
    }

    @Test
    void missingTrainerStateIsNamed() throws IOException {
        Path p = trained("c.ckpt", 1);
        Archives.edit(p, e -> e.remove("trainer.json"));
        assertTrue(loadError(p).contains("lacks the entry trainer.json"));
    }

    @Test
    void truncatedCheckpointIsADataFileException() throws IOException {
        Path p = trained("c.ckpt", 1);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length - 30));
        loadError(p);
    }

    @Test
    void newerFormatVersionIsRefused() throws IOException {
        Path p = trained("c.ckpt", 1);
        Archives.edit(p, e -> e.put("model.json", Archives.text(e.get("model.json"))
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 7").getBytes(StandardCharsets.UTF_8)));
        assertTrue(loadError(p).contains("format version 7; this convkit reads up to 1"));
    }
}
