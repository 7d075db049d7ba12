package org.convkit.api.nn.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata.Normalisation;
import org.junit.jupiter.api.Test;

class ScorerTest {

    @Test
    void scoresAreTheLinearModelOfTheNormalisedInput() {
        Shape s = Shape.of(2, 3);
        Model m = Nets.linear(s, 2, 1);
        Normalisation norm = new Normalisation(new double[] {1, -2}, new double[] {0.5, 3});
        FloatNd x = Nets.random(Shape.of(4, 2, 3), 2);
        float[][] got = new Scorer(m, norm, 1, 3).scores(x);
        float[] w = m.parameters().get("fc.weight").value().data();
        float[] b = m.parameters().get("fc.bias").value().data();
        for (int n = 0; n < 4; n++) {
            for (int k = 0; k < 2; k++) {
                double want = b[k];
                for (int i = 0; i < 6; i++) {
                    double xi = (x.data()[n * 6 + i] - (i < 3 ? 1 : -2)) / (i < 3 ? 0.5 : 3);
                    want += w[k * 6 + i] * xi;
                }
                assertEquals(want, got[n][k], 1e-5, "input " + n + " class " + k);
            }
        }
    }

    @Test
    void aModelWithoutClassScoresIsRefused() {
        Model m = Nets.conv(Shape.of(1, 5), 2, 1);
        Model features = Model.build(new org.convkit.api.nn.SequentialSpec(java.util.List.of(
                new org.convkit.api.nn.NamedLayer("conv", m.layer("conv").spec()))));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Scorer(features, null, 1, 2).sampleScores(Nets.random(Shape.of(1, 5), 1)));
        assertTrue(e.getMessage().contains("[N, K]"), e.getMessage());
    }
}
