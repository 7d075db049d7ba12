package org.convkit.domains.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.convkit.api.domain.Domain;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.Evaluation;
import org.convkit.api.nn.train.Evaluator;
import org.convkit.api.nn.train.Trainer;
import org.convkit.api.nn.train.TrainerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each domain's default network learns its synthetic classes: trained a few epochs on a small
 * synthetic set, it classifies a held-out synthetic set (other seeds) far above chance (0.25 for the
 * four classes).
 */
class DefaultNetworkTrainingTest {

    /** Epochs: measured, held-out accuracy reached 1.0 after 4 (audio) and 2 (spectrogram) of them. */
    @ParameterizedTest
    @CsvSource({"audio, 5", "spectrogram, 4"})
    void theDefaultNetworkLearnsTheSyntheticClasses(String name, int epochs) throws IOException {
        Domain domain = name.equals("audio") ? new AudioDomain() : new SpectrogramDomain();
        Dataset train = domain.synthetic(24, 1L);
        Dataset test = domain.synthetic(10, 2L);
        Model net = Model.build(domain.defaultNetwork(train.sampleShape(), train.classes()));
        Init.initialise(net, 3L, Init.Scheme.KAIMING_UNIFORM);
        new Trainer(TrainerConfig.of(epochs, 16, 4L).withThreads(2), net, new SoftmaxCrossEntropy(),
                AdamConfig.of(3e-3).build(List.copyOf(net.parameters().values()))).fit(train);
        Evaluation e = Evaluator.evaluate(net, test, 32, 2);
        assertTrue(e.accuracy() > 0.8, name + " held-out accuracy " + e.accuracy() + "\n" + e);
    }
}
