/**
 * 1-d signal operations with numpy/scipy semantics built on the convolution API, with fast
 * special-purpose algorithms where the structure allows (e.g. the running-sum
 * {@link org.convkit.api.signal.MovingAverage}).
 */
package org.convkit.api.signal;
