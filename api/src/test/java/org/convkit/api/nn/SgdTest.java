package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SgdTest {

    /** torch.optim.SGD's rule in double, one parameter: returns the weights after the steps. */
    private static double[] oracle(SgdConfig c, double[] w, List<double[]> grads) {
        double[] buf = null;
        for (double[] g : grads) {
            double[] d = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                d[i] = g[i] + c.weightDecay() * w[i];
            }
            if (c.momentum() != 0) {
                if (buf == null) {
                    buf = d.clone();
                } else {
                    for (int i = 0; i < w.length; i++) {
                        buf[i] = c.momentum() * buf[i] + d[i];
                    }
                }
                for (int i = 0; i < w.length; i++) {
                    d[i] = c.nesterov() ? d[i] + c.momentum() * buf[i] : buf[i];
                }
            }
            for (int i = 0; i < w.length; i++) {
                w[i] -= c.learningRate() * d[i];
            }
        }
        return w;
    }

    private static void matchesOracle(SgdConfig c) {
        List<Parameter> ps = OptimizerFixture.params(7);
        double[] w = OptimizerFixture.toDouble(ps.get(0).value());
        Sgd sgd = new Sgd(ps, c);
        List<double[]> grads = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            OptimizerFixture.gradients(ps, s);
            grads.add(OptimizerFixture.toDouble(ps.get(0).grad()));
            sgd.step();
        }
        double[] want = oracle(c, w, grads);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], ps.get(0).value().getDouble(i), 1e-5 * (1 + Math.abs(want[i])), c + " element " + i);
        }
    }

    @Test
    void plainStepsFollowTheGradient() {
        matchesOracle(SgdConfig.of(0.1));
    }

    @Test
    void momentumWithWeightDecayFollowsTorchsOrder() {
        matchesOracle(new SgdConfig(0.05, 0.9, false, 0.01));
    }

    @Test
    void nesterovWithWeightDecayFollowsTorchsOrder() {
        matchesOracle(new SgdConfig(0.05, 0.8, true, 0.1));
    }

    @Test
    void firstMomentumStepUsesTheGradientAsTheBuffer() {
        List<Parameter> ps = OptimizerFixture.params(3);
        float[] w0 = ps.get(1).value().toArray();
        Sgd sgd = new Sgd(ps, new SgdConfig(0.1, 0.9, false, 0));
        OptimizerFixture.gradients(ps, 0);
        float[] g = ps.get(1).grad().toArray();
        sgd.step();
        for (int i = 0; i < g.length; i++) {
            assertEquals(w0[i] + (float) -0.1 * g[i], ps.get(1).value().data()[i], 0);
        }
        assertEquals(g[0], sgd.state().get("1.momentum_buffer")[0], 0);
    }

    @Test
    void frozenParameterIsLeftAloneAndGetsNoBuffer() {
        List<Parameter> ps = OptimizerFixture.params(4);
        ps.get(0).setTrainable(false);
        float[] before = ps.get(0).value().toArray();
        Sgd sgd = new Sgd(ps, new SgdConfig(0.1, 0.9, false, 0));
        OptimizerFixture.train(sgd, ps, 0, 2);
        assertEquals(Arrays.toString(before), Arrays.toString(ps.get(0).value().toArray()));
        assertEquals(Set.of("1.momentum_buffer"), sgd.state().keySet());
    }

    @Test
    void configRejectsNesterovWithoutMomentumAndBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new SgdConfig(0.1, 0, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new SgdConfig(0, 0.9, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new SgdConfig(0.1, 1, false, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SgdConfig(0.1, 0.9, false, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
