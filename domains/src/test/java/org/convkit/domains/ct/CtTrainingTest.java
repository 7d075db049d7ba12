package org.convkit.domains.ct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
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

/** The default network learns lesion vs normal phantoms well above chance on held-out phantoms. */
class CtTrainingTest {

    @Test
    void defaultNetworkBeatsChanceOnHeldOutPhantoms() throws IOException {
        CtDomain ct = new CtDomain();
        Dataset train = ct.synthetic(PER_CLASS, 1L);
        Dataset test = ct.synthetic(40, 2L);
        Model net = Model.build(ct.defaultNetwork(train.sampleShape(), train.classes()));
        Init.initialise(net, 3L, Init.Scheme.KAIMING_UNIFORM);
        new Trainer(TrainerConfig.of(EPOCHS, 16, 4L).withThreads(2), net, new SoftmaxCrossEntropy(),
                new Adam(List.copyOf(net.parameters().values()), AdamConfig.of(3e-3))).fit(train);
        Evaluation e = Evaluator.evaluate(net, test, 32, 2);
        // 80 held-out phantoms, half with a lesion: chance is 0.5, and 60 right by chance has p < 1e-5
        assertTrue(e.accuracy() >= 0.75, "held-out accuracy " + e.accuracy());
    }

    private static final int PER_CLASS = 100;
    private static final int EPOCHS = 10;
}
