package org.convkit.domains.audio;

/**
 * How the spectrogram domain turns a recording into a log-mel spectrogram and cuts it into samples:
 * mono, resampled to {@code sampleRate}, {@code torch.stft(x, nFft, hopLength, window=hann_window(nFft),
 * center=True, pad_mode='reflect')}, power {@code |Z|^2}, {@code librosa.filters.mel(sr=sampleRate,
 * n_fft=nFft, n_mels=mels)} (Slaney scale and norm, 0 Hz to Nyquist), then
 * {@code librosa.power_to_db(S, ref=np.max, top_db=80)}: decibels relative to the recording's
 * loudest band, in {@code [-80, 0]}. Samples are windows of {@code frames} frames, not overlapping.
 *
 * @param sampleRate the rate recordings are resampled to (Hz), at least 1
 * @param nFft       FFT length and Hann window length, at least 2
 * @param hopLength  samples between frames, at least 1
 * @param mels       mel bands, in {@code [1, nFft / 2 + 1]}
 * @param frames     frames per sample, at least 1
 */
public record LogMelSpec(int sampleRate, int nFft, int hopLength, int mels, int frames) {

    /**
     * 8 kHz, 256-point FFT (32 ms) every 64 samples (8 ms, 125 frames a second), 32 mel bands,
     * 64 frames (0.512 s, the audio domain's window) per sample.
     */
    public static final LogMelSpec DEFAULT = new LogMelSpec(8000, 256, 64, 32, 64);

    /** The decibel range kept below the loudest band (librosa's {@code top_db}). */
    public static final double TOP_DB = 80.0;

    public LogMelSpec {
        if (sampleRate < 1 || nFft < 2 || hopLength < 1 || frames < 1) {
            throw new IllegalArgumentException("need sample rate >= 1, n_fft >= 2, hop >= 1, frames >= 1; got rate "
                    + sampleRate + ", n_fft " + nFft + ", hop " + hopLength + ", frames " + frames);
        }
        if (mels < 1 || mels > nFft / 2 + 1) {
            throw new IllegalArgumentException("mels must be in [1, n_fft / 2 + 1 = " + (nFft / 2 + 1) + "], got " + mels);
        }
    }

    /** Frames per second of the spectrogram. */
    public double frameRate() {
        return (double) sampleRate / hopLength;
    }
}
