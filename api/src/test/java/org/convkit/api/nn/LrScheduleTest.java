package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    @Test
    void stepDecayMultipliesByGammaEveryStepSizeEpochs() {
        StepLr s = new StepLr(3, 0.5);
        for (int epoch = 0; epoch < 10; epoch++) {
            double want = 0.1;
            for (int k = 0; k < epoch / 3; k++) {
                want *= 0.5;
            }
            assertEquals(want, s.rate(epoch, 0.1), 1e-15, "epoch " + epoch);
        }
    }

    @Test
    void cosineStartsAtTheBaseHalvesAtMidpointAndEndsAtEtaMin() {
        CosineLr s = new CosineLr(10, 0.001);
        assertEquals(0.1, s.rate(0, 0.1), 1e-15);
        assertEquals((0.1 + 0.001) / 2, s.rate(5, 0.1), 1e-15);
        assertEquals(0.001, s.rate(10, 0.1), 1e-15);
        for (int e = 1; e <= 10; e++) {
            assertEquals(true, s.rate(e, 0.1) < s.rate(e - 1, 0.1), "decreasing at " + e);
        }
    }

    @Test
    void cosineRatesAtMirroredEpochsAddUpToTheBase() {
        CosineLr s = new CosineLr(8, 0);
        for (int e = 0; e <= 8; e++) {
            assertEquals(0.1, s.rate(e, 0.1) + s.rate(8 - e, 0.1), 1e-15);
        }
    }

    @Test
    void constantKeepsTheBaseRate() {
        assertEquals(0.3, LrSchedule.constant().rate(17, 0.3));
    }

    @Test
    void invalidSchedulesAndNegativeEpochsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StepLr(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new StepLr(2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new CosineLr(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CosineLr(5, 0).rate(-1, 0.1));
    }

    @Test
    void optimiserAcceptsTheZeroRateACosineScheduleEndsAt() {
        Optimizer opt = SgdConfig.of(0.1).build(OptimizerFixture.params(1));
        opt.setLearningRate(new CosineLr(4, 0).rate(4, opt.learningRate()));
        assertEquals(0, opt.learningRate(), 1e-16);
    }
}
