package org.convkit.api.nn.train;

import static org.convkit.api.nn.train.TrainingFixtures.weights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nn.Adam;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.Checkpoint;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.StepLr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume and determinism requirements with every real part: conv, batch norm, dropout,
 * Adam, a step schedule, early-stopping bookkeeping and the checkpoint file.
 */
class CheckpointResumeTest {
    private static final TrainerConfig CONFIG = new TrainerConfig(4, 32, 2026, 1, 0.25,
            EarlyStopping.on("accuracy", 10, 0), null);
    private static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        Dataset train = IdxFolder.load(IdxFolderTest.subset()).train();
        int[] first = new int[256];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        data = train.subset(first);
    }

    private static Model net() {
        Model m = Model.build(SequentialSpec.of(ConvLayerSpec.of(2, 1, 4, 5, Padding.of(2)), BatchNormSpec.of(4),
                ReluSpec.relu(), PoolLayerSpec.max(2, 2), ConvLayerSpec.of(2, 4, 8, 3, Padding.of(0)), ReluSpec.relu(),
                PoolLayerSpec.max(2, 2), new FlattenSpec(), new DropoutSpec(0.25),
                new LinearSpec(8 * 6 * 6, 10, true)));
        Init.initialise(m, 7, Init.Scheme.PYTORCH_DEFAULT);
        return m;
    }

    private static Trainer trainer(TrainerConfig c, Model m) {
        return new Trainer(c, m, new SoftmaxCrossEntropy(), new Adam(List.copyOf(m.parameters().values()),
                AdamConfig.of(1e-3))).schedule(new StepLr(2, 0.5));
    }

    private static ModelMetadata metadata() {
        return new ModelMetadata(data.classNames(), new int[] {1, 28, 28}, null, null,
                ModelMetadata.Provenance.now("test", CONFIG.seed(), "mnist-subset first 256"));
    }

    @Test
    void twoEpochsCheckpointedThenResumedForTwoMatchFourUninterrupted() throws IOException {
        resumedRunMatchesUninterrupted(CONFIG);
    }

    @Test
    void anAugmentedRunResumedMatchesItsUninterruptedRun() throws IOException {
        resumedRunMatchesUninterrupted(CONFIG.withAugmentation(new RandomShift(2)));
    }

    /** Four epochs straight against two checkpointed and two resumed, under {@code config}. */
    private void resumedRunMatchesUninterrupted(TrainerConfig config) throws IOException {
        Model straight = net();
        TrainingResult full = trainer(config, straight).fit(data);

        Path file = dir.resolve("run.ckpt");
        List<Path> written = new ArrayList<>();
        Model first = net();
        trainer(config.withEpochs(2).withCheckpoint(file), first).checkpoints(metadata())
                .listener(new TrainingListener() {
                    @Override
                    public void onCheckpoint(Path path) {
                        written.add(path);
                    }
                }).fit(data);

        Checkpoint.Contents saved = Checkpoint.load(file);
        Model resumed = saved.loaded().model();
        Trainer second = trainer(config.withCheckpoint(file), resumed).checkpoints(metadata());
        second.resume(saved);
        TrainingResult rest = second.fit(data);

        assertEquals(List.of(file, file), written);
        assertArrayEquals(weights(straight), weights(resumed));
        assertEquals(full.bestEpoch(), rest.bestEpoch());
        assertEquals(full.last().validationAccuracy(), rest.last().validationAccuracy());
        assertEquals(4, rest.history().size());
        assertEquals(5, TrainerState.fromJson(Checkpoint.load(file).trainerState()).nextEpoch());
    }

    @Test
    void resumingIntoAFreshModelCopiesTheCheckpointsWeights() throws IOException {
        Path file = dir.resolve("a.ckpt");
        Model first = net();
        trainer(CONFIG.withEpochs(1).withCheckpoint(file), first).checkpoints(metadata()).fit(data);
        Model fresh = net();
        trainer(CONFIG, fresh).resume(Checkpoint.load(file));
        assertArrayEquals(weights(first), weights(fresh));
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsWithOneAndTwoThreads() {
        sameWeightsWithOneAndTwoThreads(CONFIG.withEpochs(2));
    }

    @Test
    void anAugmentedRunGivesBitIdenticalWeightsWithOneAndTwoThreads() {
        sameWeightsWithOneAndTwoThreads(CONFIG.withEpochs(2).withAugmentation(new RandomShift(2)));
    }

    @Test
    void augmentationChangesWhatTheNetworkLearns() {
        assertFalse(Arrays.equals(oneEpoch(CONFIG), oneEpoch(CONFIG.withAugmentation(new RandomShift(2)))));
    }

    @Test
    void aShiftOfZeroTrainsAsNoAugmentation() {
        assertArrayEquals(oneEpoch(CONFIG), oneEpoch(CONFIG.withAugmentation(new RandomShift(0))));
    }

    /** The weights after one epoch under {@code config}. */
    private static float[] oneEpoch(TrainerConfig config) {
        Model m = net();
        trainer(config.withEpochs(1), m).fit(data);
        return weights(m);
    }

    private static void sameWeightsWithOneAndTwoThreads(TrainerConfig config) {
        Model one = net();
        Model two = net();
        trainer(config, one).fit(data);
        trainer(config.withThreads(2), two).fit(data);
        assertArrayEquals(weights(one), weights(two));
    }

    @Test
    void checkpointFromAnotherSeedIsRefusedBeforeAnythingChanges() throws IOException {
        Path file = dir.resolve("b.ckpt");
        trainer(CONFIG.withEpochs(1).withCheckpoint(file), net()).checkpoints(metadata()).fit(data);
        Model other = net();
        float[] before = weights(other);
        Trainer t = trainer(new TrainerConfig(2, 32, 1, 1, 0.25, EarlyStopping.on("accuracy", 10, 0), null), other);
        assertThrows(IllegalArgumentException.class, () -> t.resume(Checkpoint.load(file)));
        assertArrayEquals(before, weights(other));
    }
}
