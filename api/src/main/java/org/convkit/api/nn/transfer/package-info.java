/**
 * Transfer learning: reuse a trained {@link org.convkit.api.nn.Model} for a new task.
 * {@link org.convkit.api.nn.transfer.Transfer} freezes the parameters of the first layers, replaces
 * the classification head by a freshly initialised one for the new classes and keeps every other
 * weight, so that a {@link org.convkit.api.nn.train.Trainer} fine-tunes only the unfrozen part
 * (frozen parameters get neither gradient work nor updates).
 * {@link org.convkit.api.nn.transfer.Features} extracts the activations of a named layer, flattened
 * per input, for use by other models (and writes them as {@code .npy} or CSV).
 */
package org.convkit.api.nn.transfer;
