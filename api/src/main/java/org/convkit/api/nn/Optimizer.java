package org.convkit.api.nn;

import java.util.List;
import java.util.Map;

/**
 * The base of every optimiser: it owns the step. Lifecycle: build over a model's parameters; per
 * batch call {@link #zeroGrad()}, run forward and backward, then {@link #step()}, which counts the
 * step and calls {@link #update} for each trainable parameter in order (frozen ones are skipped).
 * Subclasses write only their update rule and the state it keeps.
 */
public abstract class Optimizer {
    private final List<Parameter> params;
    private double learningRate;
    private long steps;

    protected Optimizer(List<Parameter> params, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        this.params = List.copyOf(params);
        this.learningRate = learningRate;
    }

    public final void step() {
        steps++;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (p.trainable()) {
                update(i, p, steps);
            }
        }
    }

    public final void zeroGrad() {
        params.forEach(Parameter::zeroGrad);
    }

    /** Applies the update rule to parameter {@code index} at step {@code step} (1-based). */
    protected abstract void update(int index, Parameter p, long step);

    /** The optimiser's per-parameter state (moments, velocities) by name, for checkpoints. */
    public abstract Map<String, float[]> state();

    /** Restores {@link #state()} and the step count from a checkpoint. */
    public abstract void restore(Map<String, float[]> state, long steps);

    protected final void setSteps(long steps) {
        this.steps = steps;
    }

    public final long steps() {
        return steps;
    }

    public final double learningRate() {
        return learningRate;
    }

    /** Sets the rate used from the next step on (learning-rate schedules call this per epoch). */
    public final void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    protected final List<Parameter> params() {
        return params;
    }
}
