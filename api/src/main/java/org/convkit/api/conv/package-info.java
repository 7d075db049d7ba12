/**
 * N-d convolution and correlation: immutable specs ({@link org.convkit.api.conv.ConvSpec}), their
 * index arithmetic ({@link org.convkit.api.conv.ConvGeometry}), the engine SPI
 * ({@link org.convkit.api.conv.ConvEngine}), the N-d reference, and the entry point
 * {@link org.convkit.api.conv.Convolution}.
 */
package org.convkit.api.conv;
