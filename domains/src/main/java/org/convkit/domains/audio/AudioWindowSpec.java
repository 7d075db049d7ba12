package org.convkit.domains.audio;

/**
 * How the audio domain turns a recording into network samples: mixed to mono, resampled to
 * {@code sampleRate}, cut into windows of {@code window} samples every {@code hop} samples.
 *
 * @param sampleRate the rate every recording is resampled to (Hz), at least 1
 * @param window     samples per network input, at least 1
 * @param hop        samples between the starts of consecutive windows, at least 1
 */
public record AudioWindowSpec(int sampleRate, int window, int hop) {

    /**
     * 8 kHz (telephone band: enough for speech and the synthetic tones, and half the work of 16 kHz),
     * windows of 4096 samples (0.512 s), not overlapping.
     */
    public static final AudioWindowSpec DEFAULT = new AudioWindowSpec(8000, 4096, 4096);

    public AudioWindowSpec {
        if (sampleRate < 1 || window < 1 || hop < 1) {
            throw new IllegalArgumentException("sample rate, window and hop must be >= 1, got rate " + sampleRate
                    + " Hz, window " + window + ", hop " + hop);
        }
    }
}
