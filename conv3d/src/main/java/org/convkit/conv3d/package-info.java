/**
 * Rank-3 convolution engines for volumes: {@link org.convkit.conv3d.Conv3dDirect} (float32, Vector
 * API) and {@link org.convkit.conv3d.Conv3dFft} (real 3-d FFT in float64). Both implement the
 * correlation form of {@link org.convkit.api.conv.ConvGeometry} and are found by
 * {@link org.convkit.api.conv.Convolution} through {@link java.util.ServiceLoader}.
 */
package org.convkit.conv3d;
