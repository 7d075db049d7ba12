/**
 * Architectures: the lecture's notation for sequential networks ({@code (CR)2P(CR)2P(CR)2PF},
 * {@link org.convkit.api.nn.arch.Notation}), a zoo of classic networks built for any input shape
 * and class count in 1, 2 or 3 dimensions ({@link org.convkit.api.nn.arch.Zoo}), and model
 * summaries (output shape and parameter count per layer, {@link org.convkit.api.nn.arch.Summary})
 * computed from the specs without allocating weights. Shapes in this package have no batch axis.
 */
package org.convkit.api.nn.arch;
