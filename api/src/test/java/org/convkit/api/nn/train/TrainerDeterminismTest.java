package org.convkit.api.nn.train;

import static org.convkit.api.nn.train.TrainingFixtures.weights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nn.Adam;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.StepLr;
import org.junit.jupiter.api.Test;

/** The training loop over the engine's real layers (dropout and batch norm), Adam, its loss and a schedule. */
class TrainerDeterminismTest {
    private static final Dataset DATA = TrainingFixtures.blobs(200, 6, 4, 21);
    private static final TrainerConfig CONFIG = new TrainerConfig(4, 32, 99, 1, 0.25, null, null);

    private static Model mlp() {
        Model m = Model.build(SequentialSpec.of(new FlattenSpec(), new LinearSpec(6, 32, true),
                BatchNormSpec.of(32), ReluSpec.relu(), new DropoutSpec(0.3), new LinearSpec(32, 4, true)));
        SplittableRandom r = new SplittableRandom(17);
        for (Parameter p : m.parameters().values()) {
            if (p.name().equals("weight") && p.shape().rank() == 2) {
                float[] w = p.value().data();
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (r.nextGaussian() * 0.3);
                }
            }
        }
        return m;
    }

    private static Adam adam(Model m) {
        return new Adam(List.copyOf(m.parameters().values()), AdamConfig.of(0.01));
    }

    private static Trainer trainer(TrainerConfig c, Model m, Adam adam) {
        return new Trainer(c, m, new SoftmaxCrossEntropy(), adam).schedule(new StepLr(1, 0.7));
    }

    private static TrainingResult train(Model m, TrainerConfig c) {
        return trainer(c, m, adam(m)).fit(DATA);
    }

    @Test
    void sameSeedGivesTheSameWeightsWithOneAndTwoThreads() {
        Model one = mlp();
        Model two = mlp();
        train(one, CONFIG);
        train(two, CONFIG.withThreads(2));
        assertArrayEquals(weights(one), weights(two));
    }

    @Test
    void twoEpochsPlusResumedTwoEqualFourUninterrupted() {
        Model straight = mlp();
        TrainingResult full = train(straight, CONFIG);

        Model first = mlp();
        Adam opt = adam(first);
        Trainer a = trainer(CONFIG.withEpochs(2), first, opt);
        a.fit(DATA);

        Model second = mlp();
        copy(first, second);
        Adam opt2 = adam(second);
        opt2.restore(opt.state(), opt.steps());
        opt2.setLearningRate(opt.learningRate());
        Trainer b = trainer(CONFIG, second, opt2);
        b.restore(a.state().toJson());
        TrainingResult resumed = b.fit(DATA);

        assertArrayEquals(weights(straight), weights(second));
        assertEquals(full.last().validationLoss(), resumed.last().validationLoss());
    }

    private static void copy(Model from, Model to) {
        List<Parameter> src = new ArrayList<>(from.parameters().values());
        src.addAll(from.buffers().values());
        List<Parameter> dst = new ArrayList<>(to.parameters().values());
        dst.addAll(to.buffers().values());
        for (int i = 0; i < src.size(); i++) {
            System.arraycopy(src.get(i).value().data(), 0, dst.get(i).value().data(), 0, src.get(i).size());
        }
    }
}
