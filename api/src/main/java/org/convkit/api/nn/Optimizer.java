package org.convkit.api.nn;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every optimiser: it owns the step and the checkpoint state. Lifecycle: build over a
 * model's parameters; per batch call {@link #zeroGrad()}, run forward and backward, then {@link #step()},
 * which counts the step and calls {@link #update} for each trainable parameter in order (frozen ones
 * are skipped and their state is left alone). Subclasses write only their update rule and name the
 * per-parameter state arrays ("slots") it keeps, which are created on a parameter's first update.
 *
 * <p>{@link #state()} returns copies of every created slot keyed {@code index.slot} (e.g.
 * {@code 0.momentum_buffer}, {@code 3.exp_avg}); {@link #restore} replaces the whole state and the step
 * count, so that an optimiser restored from a checkpoint continues bit for bit like the one that wrote
 * it (hyper-parameters are not part of the state: rebuild the optimiser from its config).
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

    /** The names of the per-parameter state arrays this optimiser keeps, e.g. {@code exp_avg}. */
    protected abstract List<String> slotNames();

    /** The live state array {@code name} of parameter {@code index}, or {@code null} before its first update. */
    protected abstract float[] slot(int index, String name);

    /** Replaces a state array (already checked to have {@link #slotSize} values), or clears it with null. */
    protected abstract void setSlot(int index, String name, float[] value);

    /** The length of a state array: the parameter's size unless a subclass says otherwise. */
    protected int slotSize(int index, String name) {
        return params.get(index).size();
    }

    /** Rejects restored values the update rule cannot use (called before anything is changed). */
    protected void checkSlot(int index, String name, float[] value) {
    }

    /** Copies of the optimiser's per-parameter state by {@code index.slot}, in parameter order, for checkpoints. */
    public final Map<String, float[]> state() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            for (String name : slotNames()) {
                float[] a = slot(i, name);
                if (a != null) {
                    out.put(i + "." + name, a.clone());
                }
            }
        }
        return out;
    }

    /**
     * Restores {@link #state()} and the step count from a checkpoint. Slots missing from {@code state}
     * are cleared (as before a parameter's first update); an unknown key or a wrong length is an error,
     * and then nothing is changed.
     */
    public final void restore(Map<String, float[]> state, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + steps);
        }
        Map<String, float[]> remaining = new HashMap<>(state);
        float[][][] next = new float[params.size()][slotNames().size()][];
        for (int i = 0; i < params.size(); i++) {
            for (int s = 0; s < slotNames().size(); s++) {
                String key = i + "." + slotNames().get(s);
                float[] a = remaining.remove(key);
                if (a != null && a.length != slotSize(i, slotNames().get(s))) {
                    throw new IllegalArgumentException("optimiser state '" + key + "' has " + a.length
                            + " values, parameter " + i + " " + params.get(i).shape() + " needs "
                            + slotSize(i, slotNames().get(s)));
                }
                if (a != null) {
                    checkSlot(i, slotNames().get(s), a);
                }
                next[i][s] = a == null ? null : a.clone();
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("unknown optimiser state " + remaining.keySet() + " for "
                    + params.size() + " parameters with slots " + slotNames());
        }
        for (int i = 0; i < params.size(); i++) {
            for (int s = 0; s < slotNames().size(); s++) {
                setSlot(i, slotNames().get(s), next[i][s]);
            }
        }
        this.steps = steps;
    }

    public final long steps() {
        return steps;
    }

    public final double learningRate() {
        return learningRate;
    }

    /**
     * Sets the rate used from the next step on (learning-rate schedules call this per epoch); zero is
     * allowed here because a cosine schedule reaches {@code etaMin = 0}.
     */
    public final void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be >= 0 and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    protected final List<Parameter> params() {
        return params;
    }
}
