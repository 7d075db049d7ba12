package org.convkit.api.nn.train;

import static org.convkit.api.nn.train.TrainingFixtures.blobs;
import static org.convkit.api.nn.train.TrainingFixtures.weights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Loss;
import org.convkit.api.nn.train.TrainingFixtures.LinearModel;
import org.convkit.api.nn.train.TrainingFixtures.PlainSgd;
import org.convkit.api.nn.train.TrainingFixtures.ScriptedOptimizer;
import org.convkit.api.nn.train.TrainingFixtures.SoftmaxCe;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dataset DATA = blobs(120, 4, 3, 11);
    private static final TrainerConfig CONFIG = new TrainerConfig(4, 16, 7, 1, 0.2, null, null);

    private static LinearModel model() {
        return new LinearModel(4, 3, 0.3f, 5);
    }

    private static Trainer trainer(TrainerConfig config, LinearModel m) {
        return new Trainer(config, m, new SoftmaxCe(), new PlainSgd(List.copyOf(m.parameters().values()), 0.1));
    }

    /** A checkpoint as the checkpoint file would carry it: weights plus the trainer state as JSON text. */
    private record Saved(float[] weights, long steps, String trainerState) {
    }

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws Exception {
        LinearModel straight = model();
        TrainingResult full = trainer(CONFIG, straight).fit(DATA);

        LinearModel first = model();
        List<Saved> saved = new ArrayList<>();
        PlainSgd opt = new PlainSgd(List.copyOf(first.parameters().values()), 0.1);
        new Trainer(CONFIG.withEpochs(2).withCheckpoint(Path.of("unused.ckpt")), first, new SoftmaxCe(), opt)
                .checkpoints((path, state) -> saved.add(new Saved(weights(first), opt.steps(),
                        JSON.writeValueAsString(state))))
                .fit(DATA);
        Saved last = saved.get(saved.size() - 1);

        LinearModel resumed = new LinearModel(4, 3, 0.3f, 999);
        load(resumed, last.weights());
        PlainSgd opt2 = new PlainSgd(List.copyOf(resumed.parameters().values()), 0.1);
        opt2.restore(java.util.Map.of(), last.steps());
        Trainer t = new Trainer(CONFIG, resumed, new SoftmaxCe(), opt2);
        t.restore((ObjectNode) JSON.readTree(last.trainerState()));
        TrainingResult continued = t.fit(DATA);

        assertEquals(2, saved.size());
        assertArrayEquals(weights(straight), weights(resumed));
        assertEquals(withoutTimes(full.history()), withoutTimes(continued.history()));
    }

    @Test
    void differentSeedsShuffleAndDropDifferently() {
        LinearModel a = model();
        LinearModel b = model();
        trainer(CONFIG, a).fit(DATA);
        trainer(new TrainerConfig(4, 16, 8, 1, 0.2, null, null), b).fit(DATA);
        assertFalse(Arrays.equals(weights(a), weights(b)));
    }

    @Test
    void everyEpochVisitsEachTrainingSampleOnce() {
        LinearModel m = model();
        List<Long> items = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        trainer(TrainerConfig.of(3, 25, 1), m).listener(new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int of, double loss, long itemsDone) {
                items.add(itemsDone);
                batches.add(of);
            }
        }).fit(DATA);
        assertEquals(3 * 120f, m.buffer.value().data()[0]);
        assertEquals(3 * 5, items.size());
        assertEquals(List.of(25L, 50L, 75L, 100L, 120L), items.subList(0, 5));
        assertTrue(batches.stream().allMatch(b -> b == 5));
    }

    @Test
    void trainingLowersTheLossOnSeparableData() {
        TrainingResult r = trainer(CONFIG.withEpochs(6), model()).fit(DATA);
        assertTrue(r.last().trainLoss() < r.history().get(0).trainLoss(), r.history().toString());
        assertTrue(r.last().validationAccuracy() > 0.8, r.history().toString());
    }

    @Test
    void nanLossStopsTrainingNamingEpochAndBatch() {
        Loss failing = new SoftmaxCe() {
            private int calls;

            @Override
            public float forward(FloatNd output, FloatNd target) {
                float l = super.forward(output, target);
                return ++calls == 2 * 8 + 5 ? Float.NaN : l;
            }
        };
        LinearModel m = model();
        Trainer t = new Trainer(TrainerConfig.of(4, 15, 3), m, failing,
                new PlainSgd(List.copyOf(m.parameters().values()), 0.1));
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> t.fit(DATA));
        assertTrue(e.getMessage().startsWith("loss is NaN at epoch 3, batch 5"), e.getMessage());
        assertEquals(3, e.epoch());
        assertEquals(5, e.batch());
        assertEquals(3, t.state().nextEpoch());
    }

    /** Train and validation sets of class-0 samples: with weights frozen at 0 the logits are (bias0, 0). */
    private static TrainingResult scripted(EarlyStopping es, int epochs, LinearModel m, double... biases) {
        Arrays.fill(m.weight.value().data(), 0f);
        m.weight.setTrainable(false);
        Dataset zeros = new Dataset(FloatNd.zeros(Shape.of(8, 1, 4)), new int[8], List.of("a", "b"));
        TrainerConfig c = new TrainerConfig(epochs, 8, 1, 1, 0, es, null);
        return new Trainer(c, m, new SoftmaxCe(), new ScriptedOptimizer(List.copyOf(m.parameters().values()),
                biases)).fit(zeros, zeros);
    }

    private static LinearModel plain() {
        return new LinearModel(4, 2, 0f, 1);
    }

    @Test
    void earlyStoppingOnLossKeepsTheEpochWithTheLowestLoss() {
        LinearModel m = plain();
        TrainingResult r = scripted(EarlyStopping.on("loss", 2, 0), 6, m, 1, 3, 2, 2.5, 0.5, 4);
        assertEquals(2, r.bestEpoch());
        assertTrue(r.stoppedEarly());
        assertEquals(4, r.history().size());
        assertEquals(3f, m.bias.value().data()[0]);
        assertEquals(r.best().validationLoss(), r.bestValue());
    }

    @Test
    void earlyStoppingOnAccuracyKeepsTheEpochWithTheHighestAccuracy() {
        LinearModel m = plain();
        TrainingResult r = scripted(EarlyStopping.on("accuracy", 1, 0), 5, m, -1, 1, 2, 3, 4);
        assertEquals(2, r.bestEpoch());
        assertEquals(1.0, r.bestValue());
        assertEquals(3, r.history().size());
        assertEquals(1f, m.bias.value().data()[0]);
    }

    @Test
    void improvementsSmallerThanMinDeltaDoNotCount() {
        LinearModel m = plain();
        TrainingResult r = scripted(EarlyStopping.on("loss", 2, 0.1), 4, m, 1, 1.05, 1.1, 5);
        assertEquals(1, r.bestEpoch());
        assertEquals(3, r.history().size());
        assertEquals(1f, m.bias.value().data()[0]);
    }

    @Test
    void withoutEarlyStoppingTheLastWeightsStayAndTheBestEpochIsTrackedOnLoss() {
        LinearModel m = plain();
        TrainingResult r = scripted(null, 3, m, 3, 1, 2);
        assertEquals(1, r.bestEpoch());
        assertFalse(r.stoppedEarly());
        assertEquals(2f, m.bias.value().data()[0]);
        assertEquals(List.of(true, false, false), r.history().stream().map(EpochReport::improved).toList());
    }

    @Test
    void scheduleSetsEachEpochsRateFromTheBaseRate() {
        List<Double> rates = new ArrayList<>();
        LinearModel m = model();
        PlainSgd opt = new PlainSgd(List.copyOf(m.parameters().values()), 0.1);
        TrainingResult r = new Trainer(TrainerConfig.of(3, 40, 2), m, new SoftmaxCe(), opt)
                .schedule((epoch, base) -> base * Math.pow(0.5, epoch))
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochStart(int epoch, int batches, double learningRate) {
                        rates.add(learningRate);
                    }
                }).fit(DATA);
        assertEquals(List.of(0.1, 0.05, 0.025), rates);
        assertEquals(rates, r.history().stream().map(EpochReport::learningRate).toList());
    }

    @Test
    void checkpointIsWrittenAfterEveryEpochAndReported() {
        List<Integer> written = new ArrayList<>();
        List<Path> reported = new ArrayList<>();
        Path file = Path.of("run.ckpt");
        trainer(TrainerConfig.of(3, 40, 2).withCheckpoint(file), model())
                .checkpoints((path, state) -> written.add(state.get("nextEpoch").asInt()))
                .listener(new TrainingListener() {
                    @Override
                    public void onCheckpoint(Path path) {
                        reported.add(path);
                    }
                }).fit(DATA);
        assertEquals(List.of(2, 3, 4), written);
        assertEquals(List.of(file, file, file), reported);
    }

    @Test
    void checkpointPathWithoutWriterIsRefused() {
        Trainer t = trainer(TrainerConfig.of(1, 40, 2).withCheckpoint(Path.of("x.ckpt")), model());
        assertThrows(IllegalStateException.class, () -> t.fit(DATA));
    }

    @Test
    void restoreRefusesAStateTrainedWithAnotherSeed() {
        Trainer a = trainer(TrainerConfig.of(1, 40, 2), model());
        a.fit(DATA);
        Trainer b = trainer(TrainerConfig.of(2, 40, 3), model());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.restore(a.state()));
        assertTrue(e.getMessage().contains("seed 2"), e.getMessage());
    }

    @Test
    void aFinishedRunResumedDoesNothingMore() {
        LinearModel m = model();
        Trainer a = trainer(TrainerConfig.of(2, 40, 2), m);
        a.fit(DATA);
        float[] before = weights(m);
        a.restore(a.state());
        TrainingResult r = a.fit(DATA);
        assertArrayEquals(before, weights(m));
        assertEquals(2, r.history().size());
    }

    private static void load(LinearModel m, float[] w) {
        int pos = 0;
        var all = new ArrayList<>(m.parameters().values());
        all.addAll(m.buffers().values());
        for (var p : all) {
            System.arraycopy(w, pos, p.value().data(), 0, p.size());
            pos += p.size();
        }
    }

    private static List<EpochReport> withoutTimes(List<EpochReport> h) {
        return h.stream().map(r -> new EpochReport(r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                r.validationAccuracy(), r.learningRate(), 0, r.improved())).toList();
    }
}
