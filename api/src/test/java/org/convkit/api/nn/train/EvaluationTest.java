package org.convkit.api.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void confusionMatrixCountsTrueRowsAgainstPredictedColumns() {
        Evaluation e = Evaluation.of(new int[] {0, 1, 1, 2, 0}, new int[] {0, 0, 1, 2, 2}, ABC, 0.5);
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 1}}, e.confusion());
        assertEquals(3.0 / 5, e.accuracy());
        assertEquals(0.5, e.loss());
        assertEquals(5, e.samples());
    }

    @Test
    void precisionRecallAndF1FollowTheirDefinitions() {
        int[] pred = {0, 1, 1, 2, 0};
        int[] truth = {0, 0, 1, 2, 2};
        Evaluation e = Evaluation.of(pred, truth, ABC, Double.NaN);
        for (int c = 0; c < 3; c++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < pred.length; i++) {
                tp += pred[i] == c && truth[i] == c ? 1 : 0;
                fp += pred[i] == c && truth[i] != c ? 1 : 0;
                fn += pred[i] != c && truth[i] == c ? 1 : 0;
            }
            double p = (double) tp / (tp + fp);
            double r = (double) tp / (tp + fn);
            assertEquals(p, e.precision()[c], 1e-15);
            assertEquals(r, e.recall()[c], 1e-15);
            assertEquals(2 * p * r / (p + r), e.f1()[c], 1e-15);
        }
    }

    @Test
    void undefinedPrecisionRecallAndF1AreZero() {
        Evaluation e = Evaluation.of(new int[] {0, 0}, new int[] {0, 1}, ABC, 1);
        assertEquals(0, e.precision()[1]);
        assertEquals(0, e.recall()[2]);
        assertEquals(0, e.precision()[2]);
        assertEquals(0, e.f1()[2]);
        assertEquals(0, e.f1()[1]);
    }

    @Test
    void macroF1IsTheMeanOfThePerClassScores() {
        Evaluation e = Evaluation.of(new int[] {0, 1, 1, 2, 0}, new int[] {0, 0, 1, 2, 2}, ABC, 0);
        double[] f = e.f1();
        assertEquals((f[0] + f[1] + f[2]) / 3, e.macroF1(), 1e-15);
    }

    @Test
    void argmaxTakesTheFirstMaximumAndSkipsNaN() {
        FloatNd out = FloatNd.of(Shape.of(3, 3), 1, 3, 3, Float.NaN, 0, -1, -5, -4, -4);
        assertArrayEquals(new int[] {1, 1, 1}, Predictions.argmax(out));
    }

    @Test
    void evaluatorScoresEveryItemWhateverTheBatchAndThreads() {
        Dataset d = TrainingFixtures.blobs(50, 4, 3, 2);
        TrainingFixtures.LinearModel m = new TrainingFixtures.LinearModel(4, 3, 0.5f, 9);
        Evaluation a = Evaluator.evaluate(m, d, 7, 1);
        Evaluation b = Evaluator.evaluate(m, d, 50, 2);
        assertEquals(a, b);
        assertEquals(50, a.samples());
        assertTrue(Double.isNaN(a.loss()));
        Evaluation withLoss = Evaluator.evaluate(m, new TrainingFixtures.SoftmaxCe(), d, 50, 1);
        assertEquals(new TrainingFixtures.SoftmaxCe().forward(m.forward(d.features().reshape(Shape.of(50, 4)),
                org.convkit.api.nn.Pass.eval(1)), d.batch(range(50)).y()), withLoss.loss(), 1e-6);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
