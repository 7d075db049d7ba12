package org.convkit.api.nn;

import java.util.List;
import java.util.Map;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A network of named layers with one input and one output: {@link Sequential} or {@link Graph}.
 * Forward and backward follow {@link Layer}'s lifecycle; parameter names are
 * {@code layerName.parameterName} in a fixed order.
 */
public interface Model {

    ModelSpec spec();

    FloatNd forward(FloatNd x, Pass pass);

    FloatNd backward(FloatNd gy);

    /**
     * The backward pass for the parameter gradients only (the training loop's): the same parameter
     * gradients as {@link #backward}, without the gradient with respect to the model input. It may
     * stop before the first layers when neither they nor any layer before them has a trainable
     * parameter (a frozen feature extractor), and the first layer it reaches skips its own input
     * gradient (a first convolution skips {@code W^T gy} and its col2im).
     */
    default void backwardParameters(FloatNd gy) {
        backward(gy);
    }

    /** The output shape (batch first) for an input shape; throws naming the layer that does not fit. */
    Shape outputShape(Shape input);

    /** The layer names, in forward order. */
    List<String> layerNames();

    Layer layer(String name);

    /** The output of the named layer in the last forward pass (for features and explanations). */
    FloatNd activation(String name);

    /** Every trainable parameter by qualified name, in a fixed order. */
    Map<String, Parameter> parameters();

    /** Every buffer (running statistics) by qualified name, in a fixed order. */
    Map<String, Parameter> buffers();

    /**
     * Builds the model a spec describes, parameters as {@link Layers#build} leaves them; {@link Init}
     * fills them from a seed.
     */
    static Model build(ModelSpec spec) {
        if (spec instanceof SequentialSpec s) {
            return new Sequential(s);
        }
        return new Graph((GraphSpec) spec);
    }
}
