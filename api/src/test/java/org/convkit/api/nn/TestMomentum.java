package org.convkit.api.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in optimiser for checkpoint tests (heavy-ball momentum, {@code v = 0.9 v + g},
 * {@code w -= lr v}) whose state is keyed as the real optimisers key theirs: {@code index.slot}.
 */
class TestMomentum extends Optimizer {
    private final float[][] velocity;

    TestMomentum(List<Parameter> params, double learningRate) {
        super(params, learningRate);
        velocity = new float[params.size()][];
    }

    @Override
    protected void update(int index, Parameter p, long step) {
        if (velocity[index] == null) {
            velocity[index] = new float[p.size()];
        }
        float[] v = velocity[index];
        float[] w = p.value().data();
        float[] g = p.grad().data();
        float lr = (float) learningRate();
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.9f * v[i] + g[i];
            w[i] -= lr * v[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < velocity.length; i++) {
            if (velocity[i] != null) {
                out.put(i + ".momentum_buffer", velocity[i].clone());
            }
        }
        return out;
    }

    @Override
    public void restore(Map<String, float[]> state, long steps) {
        for (int i = 0; i < velocity.length; i++) {
            float[] v = state.get(i + ".momentum_buffer");
            velocity[i] = v == null ? null : v.clone();
        }
        setSteps(steps);
    }
}
