package org.convkit.api.nn;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A network layer: its spec, a forward pass, a backward pass and its parameters.
 *
 * <p>Lifecycle: {@link #forward} with a training {@link Pass} (or any pass with
 * {@link Pass#gradients()}, such as an evaluation pass for saliency) keeps what the backward pass needs;
 * {@link #backward} then takes the gradient of the loss with respect to the output, adds the
 * parameter gradients into each trainable {@link Parameter#grad()} (so gradients accumulate until zeroed)
 * and returns the gradient with respect to the input. Neither method modifies its argument. Shapes
 * include the batch dimension first.
 */
public interface Layer {

    LayerSpec spec();

    /** The output shape for an input shape (batch first); throws with the shapes when they do not fit. */
    Shape outputShape(Shape input);

    FloatNd forward(FloatNd x, Pass pass);

    /** The input gradient for the output gradient {@code gy} of the last training forward pass. */
    FloatNd backward(FloatNd gy);

    /**
     * {@link #backward} for a caller that does not need the input gradient (the first layer of a
     * network being trained): adds exactly the same parameter gradients, and may skip the work
     * that only the input gradient needs.
     */
    default void backwardParameters(FloatNd gy) {
        backward(gy);
    }

    /** Trainable tensors, in a fixed order; empty for layers without any. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Non-trainable state saved with the model (batch norm's running statistics). */
    default List<Parameter> buffers() {
        return List.of();
    }
}
