/**
 * Rank-specialised float32 kernels: {@link org.convkit.conv2d.Conv2dDirect}, a scipy.signal-style
 * 2-d direct convolution engine, and {@link org.convkit.conv2d.Conv2dFilterEngine}, the fast
 * scipy.ndimage-style filters (separable per-axis passes of any rank, direct 2-d correlation).
 * The inner loops use the Vector API when {@code jdk.incubator.vector} is present at run time and
 * plain loops otherwise; both are checked against api's references.
 */
package org.convkit.conv2d;
