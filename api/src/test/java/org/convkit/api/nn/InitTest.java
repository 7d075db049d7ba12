package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InitTest {

    /** conv [8, 4, 3, 3] + bias, batch norm [8] weight (1) and bias (0), transposed conv [8, 2, 2, 2], linear. */
    private static Map<String, Parameter> network() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put("conv.weight", new Parameter("weight", Shape.of(8, 4, 3, 3)));
        m.put("conv.bias", new Parameter("bias", Shape.of(8)));
        FloatNd ones = FloatNd.zeros(Shape.of(8));
        Arrays.fill(ones.data(), 1f);
        m.put("bn.weight", new Parameter("weight", ones));
        m.put("bn.bias", new Parameter("bias", Shape.of(8)));
        m.put("up.weight", new Parameter("weight", Shape.of(8, 2, 2, 2)));
        m.put("up.bias", new Parameter("bias", Shape.of(2)));
        m.put("fc.weight", new Parameter("weight", Shape.of(10, 200)));
        m.put("fc.bias", new Parameter("bias", Shape.of(10)));
        return m;
    }

    private static double maxAbs(Parameter p) {
        double m = 0;
        for (float v : p.value().data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double std(Parameter p) {
        double s = 0;
        for (float v : p.value().data()) {
            s += (double) v * v;
        }
        return Math.sqrt(s / p.size());
    }

    @ParameterizedTest
    @EnumSource(Init.Scheme.class)
    void sameSeedGivesTheSameWeightsAndAnotherSeedDifferentOnes(Init.Scheme scheme) {
        Map<String, Parameter> a = network();
        Map<String, Parameter> b = network();
        Map<String, Parameter> c = network();
        Init.initialise(a, 42, scheme);
        Init.initialise(b, 42, scheme);
        Init.initialise(c, 43, scheme);
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).value().data(), b.get(name).value().data(), name);
        }
        assertFalse(Arrays.equals(a.get("conv.weight").value().data(), c.get("conv.weight").value().data()));
    }

    @ParameterizedTest
    @EnumSource(Init.Scheme.class)
    void batchNormScaleAndShiftAreLeftAlone(Init.Scheme scheme) {
        Map<String, Parameter> m = network();
        Init.initialise(m, 1, scheme);
        for (float v : m.get("bn.weight").value().data()) {
            assertEquals(1f, v);
        }
        for (float v : m.get("bn.bias").value().data()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void pytorchDefaultDrawsWeightsAndBiasWithinOneOverRootFanIn() {
        Map<String, Parameter> m = network();
        Init.initialise(m, 5, Init.Scheme.PYTORCH_DEFAULT);
        double conv = 1 / Math.sqrt(4 * 9);
        double up = 1 / Math.sqrt(2 * 4); // transposed: fan_in = shape[1] * prod(k), as torch
        double fc = 1 / Math.sqrt(200);
        assertTrue(maxAbs(m.get("conv.weight")) <= conv && maxAbs(m.get("conv.weight")) > 0.8 * conv);
        assertTrue(maxAbs(m.get("conv.bias")) <= conv && maxAbs(m.get("conv.bias")) > 0);
        assertTrue(maxAbs(m.get("up.weight")) <= up && maxAbs(m.get("up.weight")) > 0.8 * up);
        assertTrue(maxAbs(m.get("up.bias")) <= up);
        assertTrue(maxAbs(m.get("fc.weight")) <= fc && maxAbs(m.get("fc.weight")) > 0.95 * fc);
    }

    @Test
    void kaimingNormalHasStandardDeviationRootTwoOverFanIn() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put("fc.weight", new Parameter("weight", Shape.of(400, 50)));
        m.put("fc.bias", new Parameter("bias", FloatNd.of(Shape.of(2), 3f, 3f)));
        Init.initialise(m, 9, Init.Scheme.KAIMING_NORMAL);
        // 20000 draws: the sample standard deviation is within 3% of sqrt(2/50) with overwhelming probability
        assertEquals(Math.sqrt(2.0 / 50), std(m.get("fc.weight")), 0.03 * Math.sqrt(2.0 / 50));
        assertArrayEquals(new float[] {0f, 0f}, m.get("fc.bias").value().data());
    }

    @Test
    void uniformSchemesUseTheirBounds() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put("fc.weight", new Parameter("weight", Shape.of(300, 100)));
        Init.initialise(m, 2, Init.Scheme.KAIMING_UNIFORM);
        double kaiming = Math.sqrt(6.0 / 100);
        assertTrue(maxAbs(m.get("fc.weight")) <= kaiming && maxAbs(m.get("fc.weight")) > 0.99 * kaiming);
        Init.initialise(m, 2, Init.Scheme.XAVIER_UNIFORM);
        double xavier = Math.sqrt(6.0 / (100 + 300));
        assertTrue(maxAbs(m.get("fc.weight")) <= xavier && maxAbs(m.get("fc.weight")) > 0.99 * xavier);
        Init.initialise(m, 2, Init.Scheme.XAVIER_NORMAL);
        assertEquals(Math.sqrt(2.0 / 400), std(m.get("fc.weight")), 0.03 * Math.sqrt(2.0 / 400));
    }

    @Test
    void modelParametersAreInitialisedInTheirOrder() {
        Map<String, Parameter> viaMap = network();
        Init.initialise(viaMap, 77, Init.Scheme.KAIMING_UNIFORM);
        Map<String, Parameter> viaModel = network();
        Init.initialise(new ParameterModel(viaModel), 77, Init.Scheme.KAIMING_UNIFORM);
        for (String name : viaMap.keySet()) {
            assertArrayEquals(viaMap.get(name).value().data(), viaModel.get(name).value().data(), name);
        }
    }

    /** A model that only holds parameters (real layers live in other parts of the package). */
    private record ParameterModel(Map<String, Parameter> parameters) implements Model {
        @Override
        public ModelSpec spec() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FloatNd forward(FloatNd x, Pass pass) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FloatNd backward(FloatNd gy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Shape outputShape(Shape input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> layerNames() {
            return List.of();
        }

        @Override
        public Layer layer(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FloatNd activation(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Parameter> buffers() {
            return Map.of();
        }
    }
}
