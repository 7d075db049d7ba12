package org.convkit.domains.audio;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Seeded synthetic recordings, one class per kind of sound, mono at {@value #RATE} Hz, {@value #LENGTH}
 * samples (0.512 s), each with a little white background noise (standard deviation 0.005 to 0.02):
 * <ul>
 *   <li>{@code low-tone}: a sine of 150 to 400 Hz, amplitude 0.2 to 0.6, random phase;</li>
 *   <li>{@code high-tone}: a sine of 1200 to 2400 Hz, likewise;</li>
 *   <li>{@code chirp-up}: a linear chirp from 200-400 Hz up to 2000-3000 Hz;</li>
 *   <li>{@code noise}: white Gaussian noise, standard deviation 0.1 to 0.25.</li>
 * </ul>
 * Values are rounded to the PCM16 grid and clipped to {@code [-1, 1 - 2^-15]}, as the domain's
 * default format (16-bit WAV) holds them, so writing one is lossless. The same (label, seed) gives
 * the same bits.
 */
public final class SyntheticAudio {

    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("low-tone", "high-tone", "chirp-up", "noise");
    /** The synthetic recordings' rate (Hz): twice the audio domain's, so resampling is part of the path. */
    public static final int RATE = 16000;
    /** Samples per synthetic recording. */
    public static final int LENGTH = 8192;

    private SyntheticAudio() {
    }

    /**
     * Recording {@code label} of {@link #CLASSES} for {@code seed}, {@code [1, LENGTH]}, as a
     * {@code wav} PCM16 file would hold it.
     */
    public static DataFile file(int label, long seed) {
        if (label < 0 || label >= CLASSES.size()) {
            throw new IllegalArgumentException("label " + label + " is outside [0, " + CLASSES.size() + ") for "
                    + CLASSES);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[LENGTH];
        double amp = uniform(rng, 0.2, 0.6);
        double phase = uniform(rng, 0, 2 * Math.PI);
        switch (label) {
            case 0 -> tone(x, uniform(rng, 150, 400), amp, phase);
            case 1 -> tone(x, uniform(rng, 1200, 2400), amp, phase);
            case 2 -> chirp(x, uniform(rng, 200, 400), uniform(rng, 2000, 3000), amp, phase);
            default -> noise(x, rng, uniform(rng, 0.1, 0.25));
        }
        noise(x, rng, uniform(rng, 0.005, 0.02));
        for (int i = 0; i < LENGTH; i++) {
            x[i] = Math.max(-32768, Math.min(32767, Math.round(x[i] * 32768))) / 32768.0;
        }
        Metadata meta = Metadata.recording(RATE, List.of(new Metadata.Channel("mono", "", RATE, LENGTH)))
                .withProperties(Map.of(WavFormat.FORMAT, WavSampleFormat.PCM16.label(),
                        WavFormat.EXTENSIBLE, "false"));
        return new DataFile(WavFormat.NAME, DoubleNd.of(Shape.of(1, LENGTH), x), meta);
    }

    private static void tone(double[] x, double hz, double amp, double phase) {
        for (int i = 0; i < x.length; i++) {
            x[i] += amp * Math.sin(2 * Math.PI * hz * i / RATE + phase);
        }
    }

    /** {@code sin(2 pi (f0 t + (f1 - f0) t^2 / (2 T)) + phase)}: the frequency rises linearly from f0 to f1. */
    private static void chirp(double[] x, double f0, double f1, double amp, double phase) {
        double duration = (double) x.length / RATE;
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / RATE;
            x[i] += amp * Math.sin(2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * duration)) + phase);
        }
    }

    /** Adds Gaussian noise by Box-Muller on the seeded stream (no JDK-version-dependent nextGaussian). */
    private static void noise(double[] x, SplittableRandom rng, double sd) {
        for (int i = 0; i < x.length; i += 2) {
            double r = sd * Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double a = 2 * Math.PI * rng.nextDouble();
            x[i] += r * Math.cos(a);
            if (i + 1 < x.length) {
                x[i + 1] += r * Math.sin(a);
            }
        }
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
