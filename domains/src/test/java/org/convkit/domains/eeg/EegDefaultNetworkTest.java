package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.nn.Adam;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.Evaluation;
import org.convkit.api.nn.train.Evaluator;
import org.convkit.api.nn.train.Trainer;
import org.convkit.api.nn.train.TrainerConfig;
import org.junit.jupiter.api.Test;

/** The default network learns the synthetic rhythms: what {@code convkit demo eeg} trains end to end. */
class EegDefaultNetworkTest {

    @Test
    void defaultNetworkSeparatesTheSyntheticRhythmsOnFilesOfAnotherSeed() throws IOException {
        Domain eeg = Domains.named("eeg");
        Dataset train = eeg.synthetic(12, 1L);
        Dataset test = eeg.synthetic(6, 2L);
        Model net = Model.build(eeg.defaultNetwork(train.sampleShape(), train.classes()));
        Init.initialise(net, 3L, Init.Scheme.PYTORCH_DEFAULT);
        new Trainer(TrainerConfig.of(EPOCHS, 16, 5L).withThreads(2), net, new SoftmaxCrossEntropy(),
                new Adam(List.copyOf(net.parameters().values()), AdamConfig.of(3e-3))).fit(train);
        Evaluation e = Evaluator.evaluate(net, test, 64, 2);
        // three classes: chance is 1/3
        assertTrue(e.accuracy() > 0.8, "held-out accuracy " + e.accuracy() + "\n" + e);
    }

    private static final int EPOCHS = 12;
}
