/**
 * Convolutional networks in float32: layer specs (immutable records), layers with forward and
 * backward passes, models (sequential and graph), losses, optimisers, initialisation, training and
 * the model file. Tensors are {@link org.convkit.api.nd.FloatNd} in {@code N, C, spatial...}
 * layout (batch first, channels second, row-major).
 */
package org.convkit.api.nn;
