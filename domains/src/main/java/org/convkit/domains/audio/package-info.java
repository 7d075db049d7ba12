/**
 * The audio domains: {@link org.convkit.domains.audio.AudioDomain} (mono waveform windows, rank 1) and
 * {@link org.convkit.domains.audio.SpectrogramDomain} (log-mel spectrograms, rank 2), the WAV format
 * ({@link org.convkit.domains.audio.WavFormat}), polyphase resampling
 * ({@link org.convkit.domains.audio.ResamplePoly}, as scipy.signal.resample_poly) and seeded synthetic
 * recordings ({@link org.convkit.domains.audio.SyntheticAudio}).
 */
package org.convkit.domains.audio;
