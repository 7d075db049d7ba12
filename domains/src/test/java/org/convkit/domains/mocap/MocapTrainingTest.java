package org.convkit.domains.mocap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
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

/** The default network learns the synthetic movements: held-out files, other seeds, far above chance. */
class MocapTrainingTest {

    @Test
    void defaultNetworkTellsTheSyntheticMovementsApartOnHeldOutFiles() throws IOException {
        MocapDomain mocap = new MocapDomain();
        Dataset train = mocap.synthetic(4, 1L);   // 4 classes x 4 files x 5 windows
        Dataset test = mocap.synthetic(3, 2L);    // other files: other poses, places, rates, phases
        Model model = Model.build(mocap.defaultNetwork(train.sampleShape(), train.classes()));
        Init.initialise(model, 3L, Init.Scheme.PYTORCH_DEFAULT);
        new Trainer(TrainerConfig.of(10, 16, 4L), model, new SoftmaxCrossEntropy(),
                AdamConfig.of(1e-2).build(List.copyOf(model.parameters().values()))).fit(train, null);
        Evaluation e = Evaluator.evaluate(model, test, 64, 1);
        // chance is 0.25
        assertTrue(e.accuracy() >= 0.8, "held-out accuracy " + e.accuracy() + "\n" + e);
    }
}
