package org.convkit.api.nn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.convkit.api.nn.Adam;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelSpecs;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 as {@code ../shared/bench/WORKLOADS.md} defines it, trained with Adam 1e-3, batch 64, on
 * the bundled MNIST subset (2,000 training and 500 test images), initialised as {@code mnist-lenet}
 * is (He uniform, the scheme derived for ReLU networks). PyTorch 1.13 with the same network,
 * optimiser and data but its default initialisation reaches 88.6% to 92.4% test accuracy after 5
 * epochs over 8 seeds; this engine reached 93.6%, 92.6% and 94.8% with seeds 1, 2 and 3 (measured
 * 2026-11-27). The threshold leaves room for other summation orders.
 */
class LeNetMnistTest {
    static final int EPOCHS = 5;
    static final double THRESHOLD = 0.90;
    static final long SEED = 1;

    @Test
    void lenetTrainedOnTheSubsetClassifiesTestDigitsFarAboveChance() throws IOException {
        IdxFolder mnist = IdxFolder.load(IdxFolderTest.subset());
        Model m = Model.build(ModelSpecs.benchLenet5());
        Init.initialise(m, SEED, Init.Scheme.KAIMING_UNIFORM);
        Adam adam = new Adam(List.copyOf(m.parameters().values()), AdamConfig.of(1e-3));
        TrainingResult r = new Trainer(new TrainerConfig(EPOCHS, 64, SEED, 2, 0, null, null), m,
                new SoftmaxCrossEntropy(), adam).fit(mnist.train(), null);
        Evaluation test = Evaluator.evaluate(m, new SoftmaxCrossEntropy(), mnist.test(), 250, 2);
        assertTrue(test.accuracy() >= THRESHOLD, test + " after " + r.history());
    }
}
