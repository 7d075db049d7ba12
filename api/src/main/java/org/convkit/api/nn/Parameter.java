package org.convkit.api.nn;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A trainable tensor and its gradient. Backward passes add into {@link #grad()}; optimisers read
 * it and {@link #zeroGrad()} clears it. A frozen parameter ({@code trainable} false, transfer
 * learning) receives no gradient (layers skip that work) and optimisers leave its value alone.
 */
public final class Parameter {
    private final String name;
    private final FloatNd value;
    private final FloatNd grad;
    private boolean trainable = true;

    /** A zero-filled parameter of the given shape. */
    public Parameter(String name, Shape shape) {
        this(name, FloatNd.zeros(shape));
    }

    /** Wraps {@code value} (not copied; must be contiguous from offset 0). */
    public Parameter(String name, FloatNd value) {
        if (value.offset() != 0 || value.data().length != value.shape().size()) {
            throw new IllegalArgumentException("parameter " + name + " must own its whole array");
        }
        this.name = name;
        this.value = value;
        this.grad = FloatNd.zeros(value.shape());
    }

    /** The name within its layer, e.g. {@code weight}, {@code bias}. */
    public String name() {
        return name;
    }

    public FloatNd value() {
        return value;
    }

    public FloatNd grad() {
        return grad;
    }

    public Shape shape() {
        return value.shape();
    }

    public int size() {
        return value.shape().size();
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad.data(), 0f);
    }
}
