/**
 * 1-d signal operations with numpy/scipy semantics built on the convolution API, with fast
 * special-purpose algorithms where the structure allows (e.g. the running-sum
 * {@link org.convkit.api.signal.MovingAverage}), and IIR filter design and analysis as
 * scipy.signal does it: {@link org.convkit.api.signal.Butterworth},
 * {@link org.convkit.api.signal.Notch}, {@link org.convkit.api.signal.FrequencyResponse} and
 * {@link org.convkit.api.signal.ZeroPoleGain} (whose polynomial roots follow numpy.roots' LAPACK
 * path, so that even clustered roots agree with numpy); and spectral analysis:
 * {@link org.convkit.api.signal.Stft} (scipy's and torch's conventions, FFTs by JTransforms),
 * {@link org.convkit.api.signal.Spectrogram} and {@link org.convkit.api.signal.MelFilterbank}.
 */
package org.convkit.api.signal;
