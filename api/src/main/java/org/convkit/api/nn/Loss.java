package org.convkit.api.nn;

import org.convkit.api.nd.FloatNd;

/**
 * A training objective on a batch of network outputs. {@link #forward} returns the mean loss over
 * the batch and keeps what {@link #backward} needs; {@link #backward} returns the gradient of that
 * mean with respect to the outputs. Class targets are given as a {@code [N]} array of class indices
 * stored as floats.
 */
public interface Loss {

    float forward(FloatNd output, FloatNd target);

    FloatNd backward();
}
