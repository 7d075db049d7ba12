package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void namesBuildTheirOptimiserWithTorchDefaults() {
        var ps = OptimizerFixture.params(1);
        assertInstanceOf(Sgd.class, Optimizers.create("sgd", Map.of("lr", "0.1"), ps));
        assertEquals(new SgdConfig(0.1, 0.9, true, 0), Optimizers.config("sgd",
                Map.of("lr", "0.1", "momentum", "0.9", "nesterov", "true")));
        assertEquals(AdamConfig.of(0.001), Optimizers.config("adam", Map.of("lr", "1e-3")));
        assertEquals(AdamWConfig.of(0.001), Optimizers.config("adamw", Map.of("lr", "1e-3")));
        assertInstanceOf(AdamW.class, Optimizers.create("adamw", Map.of("lr", "0.01"), ps));
    }

    @Test
    void unknownNamesAndOptionsAreRejectedListingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.config("rmsprop", Map.of("lr", "0.1")));
        assertTrue(e.getMessage().contains("[adam, adamw, sgd]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.config("adam", Map.of("lr", "0.1", "momentum", "0.9")));
        assertTrue(e.getMessage().contains("momentum") && e.getMessage().contains("beta1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.config("sgd", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.config("sgd", Map.of("lr", "fast")));
    }
}
