package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.convkit.api.nd.FloatNd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerCheckpointTest {

    static Stream<OptimizerConfig> configs() {
        return Stream.of(new SgdConfig(0.05, 0.9, false, 0.01), new SgdConfig(0.05, 0.9, true, 0.01),
                new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0.01), AdamWConfig.of(0.01));
    }

    private static int[] bits(List<Parameter> ps) {
        return ps.stream().map(Parameter::value).map(FloatNd::toArray)
                .flatMapToInt(a -> IntStream.range(0, a.length).map(i -> Float.floatToRawIntBits(a[i])))
                .toArray();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void resumingFromAStateContinuesBitForBit(OptimizerConfig c) {
        List<Parameter> straight = OptimizerFixture.params(21);
        OptimizerFixture.train(c.build(straight), straight, 0, 6);

        List<Parameter> resumed = OptimizerFixture.params(21);
        Optimizer first = c.build(resumed);
        OptimizerFixture.train(first, resumed, 0, 3);
        Map<String, float[]> saved = first.state();
        long steps = first.steps();
        Optimizer second = c.build(resumed);
        second.restore(saved, steps);
        OptimizerFixture.train(second, resumed, 3, 3);

        assertArrayEquals(bits(straight), bits(resumed));
        assertEquals(6, second.steps());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void stateIsACopy(OptimizerConfig c) {
        List<Parameter> ps = OptimizerFixture.params(22);
        Optimizer opt = c.build(ps);
        OptimizerFixture.train(opt, ps, 0, 1);
        Map<String, float[]> a = opt.state();
        assertTrue(!a.isEmpty());
        a.values().forEach(v -> Arrays.fill(v, 7f));
        opt.state().forEach((k, v) -> assertNotSame(a.get(k), v));
        assertTrue(opt.state().values().stream().noneMatch(v -> v[0] == 7f));
    }

    @Test
    void restoreRejectsUnknownKeysAndWrongLengthsWithoutChangingAnything() {
        List<Parameter> ps = OptimizerFixture.params(23);
        Optimizer opt = AdamConfig.of(0.01).build(ps);
        OptimizerFixture.train(opt, ps, 0, 2);
        Map<String, float[]> before = opt.state();
        Map<String, float[]> unknown = new HashMap<>(before);
        unknown.put("2.exp_avg", new float[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.restore(unknown, 5));
        assertTrue(e.getMessage().contains("2.exp_avg"), e.getMessage());
        Map<String, float[]> shortened = new HashMap<>(before);
        shortened.put("0.exp_avg", new float[5]);
        e = assertThrows(IllegalArgumentException.class, () -> opt.restore(shortened, 5));
        assertTrue(e.getMessage().contains("3x2") && e.getMessage().contains("5"), e.getMessage());
        Map<String, float[]> badCount = new HashMap<>(before);
        badCount.put("0.step", new float[] {0, 1.5f});
        assertThrows(IllegalArgumentException.class, () -> opt.restore(badCount, 5));
        assertEquals(2, opt.steps());
        opt.state().forEach((k, v) -> assertArrayEquals(before.get(k), v, k));
    }
}
