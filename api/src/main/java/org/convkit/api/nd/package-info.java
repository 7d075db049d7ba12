/**
 * The N-d array type: a {@link org.convkit.api.nd.Shape} (row-major) over a float64 or float32
 * backing array, with cheap views of a batch item or channel.
 */
package org.convkit.api.nd;
