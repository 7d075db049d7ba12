package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    /** torch 1.13's Adam / AdamW in double for one parameter. */
    private static double[] oracle(double lr, double b1, double b2, double eps, double l2, double decoupled,
                                   double[] w, List<double[]> grads) {
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        int t = 0;
        for (double[] g0 : grads) {
            t++;
            for (int i = 0; i < w.length; i++) {
                w[i] *= 1 - lr * decoupled;
                double g = g0[i] + l2 * w[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        return w;
    }

    private static void matchesOracle(OptimizerConfig c, double l2, double decoupled) {
        List<Parameter> ps = OptimizerFixture.params(11);
        double[] w = OptimizerFixture.toDouble(ps.get(0).value());
        Optimizer opt = c.build(ps);
        List<double[]> grads = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            OptimizerFixture.gradients(ps, s);
            grads.add(OptimizerFixture.toDouble(ps.get(0).grad()));
            opt.step();
        }
        double[] want = oracle(c.learningRate(), 0.9, 0.99, 1e-8, l2, decoupled, w, grads);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], ps.get(0).value().getDouble(i), 1e-5 * (1 + Math.abs(want[i])), c + " element " + i);
        }
    }

    @Test
    void adamWithL2DecayMatchesTheBiasCorrectedMoments() {
        matchesOracle(new AdamConfig(0.01, 0.9, 0.99, 1e-8, 0.1), 0.1, 0);
    }

    @Test
    void adamWDecaysTheWeightsBeforeTheAdamStep() {
        matchesOracle(new AdamWConfig(0.01, 0.9, 0.99, 1e-8, 0.1), 0, 0.1);
    }

    @Test
    void adamWithZeroGradientOnlyShrinksTheWeights() {
        List<Parameter> ps = OptimizerFixture.params(12);
        float[] w0 = ps.get(0).value().toArray();
        new AdamW(ps, new AdamWConfig(0.1, 0.9, 0.999, 1e-8, 0.5)).step();
        for (int i = 0; i < w0.length; i++) {
            assertEquals(w0[i] * (float) (1 - 0.1 * 0.5), ps.get(0).value().data()[i], 0);
        }
    }

    @Test
    void firstStepMovesEveryWeightByTheRateAgainstItsGradientSign() {
        List<Parameter> ps = OptimizerFixture.params(13);
        float[] w0 = ps.get(1).value().toArray();
        Adam adam = new Adam(ps, AdamConfig.of(0.01));
        OptimizerFixture.gradients(ps, 0);
        float[] g = ps.get(1).grad().toArray();
        adam.step();
        for (int i = 0; i < g.length; i++) {
            assertEquals(w0[i] - 0.01 * Math.signum(g[i]), ps.get(1).value().data()[i], 1e-6);
        }
    }

    @Test
    void parameterUnfrozenLaterCountsItsOwnSteps() {
        List<Parameter> ps = OptimizerFixture.params(14);
        Adam adam = new Adam(ps, AdamConfig.of(0.01));
        ps.get(1).setTrainable(false);
        OptimizerFixture.train(adam, ps, 0, 3);
        ps.get(1).setTrainable(true);
        float[] w0 = ps.get(1).value().toArray();
        OptimizerFixture.gradients(ps, 3);
        float[] g = ps.get(1).grad().toArray();
        adam.step();
        // its first update, bias-corrected as t = 1: a full step of the rate
        for (int i = 0; i < g.length; i++) {
            assertEquals(w0[i] - 0.01 * Math.signum(g[i]), ps.get(1).value().data()[i], 1e-6);
        }
        assertEquals(4, adam.steps());
    }

    @Test
    void configRejectsBetaOfOneAndNonPositiveEps() {
        assertThrows(IllegalArgumentException.class, () -> new AdamConfig(0.1, 1, 0.999, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(0.1, 0.9, 0.999, 0, 0));
    }
}
