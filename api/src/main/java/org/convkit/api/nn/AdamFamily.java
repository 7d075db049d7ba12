package org.convkit.api.nn;

import java.util.List;

/**
 * What {@link Adam} and {@link AdamW} share: the moment estimates ({@link AdamMoments}) and their
 * checkpoint slots. Each subclass writes only its update rule.
 */
public abstract sealed class AdamFamily extends Optimizer permits Adam, AdamW {
    /** The moments of every parameter, updated by the subclass's rule. */
    final AdamMoments moments;

    AdamFamily(List<Parameter> params, double learningRate) {
        super(params, learningRate);
        this.moments = new AdamMoments(params.size());
    }

    @Override
    protected List<String> slotNames() {
        return AdamMoments.SLOTS;
    }

    @Override
    protected float[] slot(int index, String name) {
        return moments.slot(index, name);
    }

    @Override
    protected void setSlot(int index, String name, float[] value) {
        moments.setSlot(index, name, value);
    }

    @Override
    protected int slotSize(int index, String name) {
        return AdamMoments.slotSize(name, params().get(index).size());
    }

    @Override
    protected void checkSlot(int index, String name, float[] value) {
        AdamMoments.check(name, value);
    }
}
