/**
 * Rank-1 convolution engines for {@link org.convkit.api.conv.Convolution}: {@link
 * org.convkit.conv1d.Conv1dDirect} (register-blocked SIMD loops), {@link org.convkit.conv1d.Conv1dFft}
 * (one real FFT of a fast size) and {@link org.convkit.conv1d.Conv1dOverlapAdd} (block FFTs for long
 * signals and short kernels). All compute in float64; float32 inputs are converted at the edge. Their
 * cost models, in estimated nanoseconds on one core, let {@link org.convkit.api.conv.ConvMethod#AUTO}
 * choose among them as scipy.signal.choose_conv_method does.
 */
package org.convkit.conv1d;
