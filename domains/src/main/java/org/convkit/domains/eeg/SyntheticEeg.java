package org.convkit.domains.eeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.domain.Metadata.Channel;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Seeded synthetic EEG: {@value #CHANNELS} channels of the 10-20 system at {@value #RATE} Hz for
 * {@value #SECONDS} s, in microvolts. Each class is a rhythm that comes in bursts (Hann-shaped,
 * 0.6-1.4 s, 0-0.4 s apart, frequency jittered by 8%) with its own scalp distribution: alpha
 * (10 Hz, occipital and parietal), beta (20 Hz, central) and theta (6 Hz, frontal). Under it lie
 * pink noise per channel (Kellet's filter of white noise, about 10 uV rms), a common pink
 * component, a weak posterior background alpha in every class, zero to two eye blinks (frontal
 * 60-120 uV deflections) and 50 Hz mains hum of random amplitude and phase. The file carries one annotation
 * spanning the recording, its class name, so synthetic files label themselves in an annotated
 * data set.
 */
final class SyntheticEeg {

    static final int CHANNELS = 8;
    static final int RATE = 128;
    static final int SECONDS = 6;
    static final List<String> LABELS = List.of("Fp1", "Fp2", "C3", "C4", "P3", "P4", "O1", "O2");
    static final List<String> CLASSES = List.of("alpha", "beta", "theta");
    private static final double[] FREQUENCY = {10, 20, 6};
    // per class, the rhythm's relative amplitude at each channel of LABELS
    private static final double[][] TOPOGRAPHY = {
        {0.2, 0.2, 0.4, 0.4, 0.8, 0.8, 1.0, 1.0},
        {0.3, 0.3, 1.0, 1.0, 0.5, 0.5, 0.2, 0.2},
        {1.0, 1.0, 0.6, 0.6, 0.3, 0.3, 0.2, 0.2},
    };

    // how strongly an eye blink reaches each channel of LABELS
    private static final double[] BLINK = {1.0, 1.0, 0.3, 0.3, 0.1, 0.1, 0.05, 0.05};

    private SyntheticEeg() {
    }

    static DataFile file(int label, long seed) {
        if (label < 0 || label >= CLASSES.size()) {
            throw new IllegalArgumentException("label must be in 0.." + (CLASSES.size() - 1) + ", got " + label);
        }
        SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (label + 1)));
        int n = RATE * SECONDS;
        double[] x = new double[CHANNELS * n];
        double[] common = pink(rng, n);
        for (int c = 0; c < CHANNELS; c++) {
            double[] own = pink(rng, n);
            double share = 0.3 + 0.2 * rng.nextDouble();
            for (int i = 0; i < n; i++) {
                x[c * n + i] = 10 * (own[i] + share * common[i]);
            }
        }
        addBursts(x, n, label, rng);
        addBackgroundAlpha(x, n, rng);
        addBlinks(x, n, rng);
        double hum = 5 + 10 * rng.nextDouble();
        double phase = 2 * Math.PI * rng.nextDouble();
        for (int c = 0; c < CHANNELS; c++) {
            double gain = hum * (0.5 + rng.nextDouble());
            for (int i = 0; i < n; i++) {
                x[c * n + i] += gain * Math.sin(2 * Math.PI * 50.0 * i / RATE + phase);
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (String l : LABELS) {
            channels.add(new Channel(l, "uV", RATE, n));
        }
        Metadata m = new Metadata(RATE, channels, List.of(new Annotation(0, SECONDS, CLASSES.get(label))), null, null,
                Map.of("recording", "Startdate X X X X convkit synthetic " + CLASSES.get(label)));
        return new DataFile(EdfKind.EDF.formatName, DoubleNd.of(Shape.of(CHANNELS, n), x), m);
    }

    private static void addBursts(double[] x, int n, int label, SplittableRandom rng) {
        double t = 0.4 * rng.nextDouble();
        while (t < SECONDS) {
            double length = 0.6 + 0.8 * rng.nextDouble();
            double f = FREQUENCY[label] * (1 + 0.16 * (rng.nextDouble() - 0.5));
            double amplitude = 12 + 8 * rng.nextDouble();
            double phase = 2 * Math.PI * rng.nextDouble();
            int from = (int) Math.round(t * RATE);
            int to = Math.min(n, (int) Math.round((t + length) * RATE));
            double[] jitter = new double[CHANNELS];
            for (int c = 0; c < CHANNELS; c++) {
                jitter[c] = TOPOGRAPHY[label][c] * (0.8 + 0.4 * rng.nextDouble());
            }
            for (int i = from; i < to; i++) {
                double env = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i - from) / (length * RATE));
                double s = amplitude * env * Math.sin(2 * Math.PI * f * i / RATE + phase);
                for (int c = 0; c < CHANNELS; c++) {
                    x[c * n + i] += jitter[c] * s;
                }
            }
            t += length + 0.4 * rng.nextDouble();
        }
    }

    /** A weak posterior 10 Hz rhythm present in every class, as in a resting recording. */
    private static void addBackgroundAlpha(double[] x, int n, SplittableRandom rng) {
        double amplitude = 2 + 3 * rng.nextDouble();
        double phase = 2 * Math.PI * rng.nextDouble();
        double f = 9 + 2 * rng.nextDouble();
        for (int c = 0; c < CHANNELS; c++) {
            double w = amplitude * TOPOGRAPHY[0][c];
            for (int i = 0; i < n; i++) {
                x[c * n + i] += w * Math.sin(2 * Math.PI * f * i / RATE + phase);
            }
        }
    }

    /** Zero to two eye blinks: 0.3 s half-sine deflections of 60-120 uV, strongest at Fp1/Fp2. */
    private static void addBlinks(double[] x, int n, SplittableRandom rng) {
        int blinks = rng.nextInt(3);
        int length = (int) (0.3 * RATE);
        for (int b = 0; b < blinks; b++) {
            int from = rng.nextInt(n - length);
            double amplitude = 60 + 60 * rng.nextDouble();
            for (int c = 0; c < CHANNELS; c++) {
                double w = amplitude * BLINK[c];
                for (int i = 0; i < length; i++) {
                    x[c * n + from + i] += w * Math.sin(Math.PI * i / length);
                }
            }
        }
    }

    /**
     * Unit-variance-ish pink (1/f) noise: white Gaussian noise through Paul Kellet's economy filter
     * (three first-order sections, within 0.05 dB of 1/f above 9 Hz at 44.1 kHz; at EEG rates a
     * steeper low end, which is what scalp EEG shows anyway).
     */
    private static double[] pink(SplittableRandom rng, int n) {
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double[] out = new double[n];
        for (int i = -RATE; i < n; i++) { // a second of warm-up so the filter state is not zero
            double w = rng.nextGaussian();
            b0 = 0.99765 * b0 + w * 0.0990460;
            b1 = 0.96300 * b1 + w * 0.2965164;
            b2 = 0.57000 * b2 + w * 1.0526913;
            if (i >= 0) {
                out[i] = 0.25 * (b0 + b1 + b2 + w * 0.1848);
            }
        }
        return out;
    }
}
