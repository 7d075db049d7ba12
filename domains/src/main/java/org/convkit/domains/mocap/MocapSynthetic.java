package org.convkit.domains.mocap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Seeded synthetic marker trajectories in millimetres, as a treadmill capture would hold them: six
 * markers (head, wrists, pelvis, ankles) around a standing pose, moved by one periodic motion per
 * class, with per-file jitter of frequency (+-15%), amplitude (+-20%), phase, pose (+-30 mm per
 * marker) and position (+-1.5 m in x and y), a slow sway and 2 mm Gaussian noise. x points forward, y
 * left, z up. Every value stays below 4096 mm in magnitude (float32 keeps it within 2.5e-4 mm).
 *
 * <p>Classes: {@code walk} (stride about 1 Hz, ankles and wrists swing along x in antiphase, ankles
 * lift, the body bobs), {@code run} (about 1.5 Hz, larger swings and lifts), {@code jump} (about
 * 0.8 Hz, every marker bounces along z together) and {@code wave} (about 2 Hz, the raised right
 * wrist swings along y, the rest stands).
 */
final class MocapSynthetic {
    static final List<String> CLASSES = List.of("walk", "run", "jump", "wave");
    static final List<String> MARKERS = List.of("HEAD", "LWRI", "RWRI", "PELV", "LANK", "RANK");
    /** Seconds per synthetic file. */
    static final double SECONDS = 6;
    private static final double[][] POSE = {
        {0, 0, 1700}, {0, 250, 900}, {0, -250, 900}, {0, 0, 1000}, {0, 100, 80}, {0, -100, 80}};
    private static final double[] RATES = {100, 120};
    private static final int HEAD = 0;
    private static final int LWRI = 1;
    private static final int RWRI = 2;
    private static final int PELV = 3;
    private static final int LANK = 4;
    private static final int RANK = 5;

    private MocapSynthetic() {
    }

    static DataFile file(int label, long seed) {
        if (label < 0 || label >= CLASSES.size()) {
            throw new IllegalArgumentException("label must be in [0, " + CLASSES.size() + "), got " + label);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double rate = RATES[rng.nextInt(RATES.length)];
        int frames = (int) Math.round(SECONDS * rate);
        int markers = MARKERS.size();
        double f = new double[] {1.0, 1.5, 0.8, 2.0}[label] * uniform(rng, 0.85, 1.15);
        double amp = uniform(rng, 0.8, 1.2);
        double phase = uniform(rng, 0, 2 * Math.PI);
        double swayF = uniform(rng, 0.1, 0.3);
        double swayPhase = uniform(rng, 0, 2 * Math.PI);
        double[][] pose = new double[markers][3];
        double ox = uniform(rng, -1500, 1500);
        double oy = uniform(rng, -1500, 1500);
        for (int m = 0; m < markers; m++) {
            for (int a = 0; a < 3; a++) {
                pose[m][a] = POSE[m][a] + uniform(rng, -30, 30) + (a == 0 ? ox : a == 1 ? oy : 0);
            }
        }
        double[] out = new double[3 * markers * frames];
        double[][] p = new double[markers][3];
        for (int i = 0; i < frames; i++) {
            double t = i / rate;
            double s = 2 * Math.PI * f * t + phase;
            for (int m = 0; m < markers; m++) {
                p[m][0] = 0;
                p[m][1] = 10 * Math.sin(2 * Math.PI * swayF * t + swayPhase);
                p[m][2] = 0;
            }
            motion(label, s, amp, p);
            for (int m = 0; m < markers; m++) {
                for (int a = 0; a < 3; a++) {
                    out[(3 * m + a) * frames + i] = pose[m][a] + p[m][a] + 2 * gaussian(rng);
                }
            }
        }
        List<Metadata.Channel> channels = new ArrayList<>();
        for (String m : MARKERS) {
            for (String axis : MocapChannels.AXES) {
                channels.add(new Metadata.Channel(m + "." + axis, "mm", rate, frames));
            }
        }
        Metadata meta = Metadata.recording(rate, channels)
                .withProperties(Map.of("synthetic.class", CLASSES.get(label), "synthetic.seed", Long.toString(seed)));
        return new DataFile(C3dFormat.NAME, DoubleNd.of(Shape.of(3 * markers, frames), out), meta);
    }

    /** Adds class {@code label}'s displacement at phase {@code s} to {@code p[marker][axis]}. */
    private static void motion(int label, double s, double amp, double[][] p) {
        double sin = Math.sin(s);
        switch (label) {
            case 0, 1 -> { // walk, run: the same gait, a run swings and lifts more
                boolean run = label == 1;
                double leg = amp * (run ? 400 : 250);
                double lift = amp * (run ? 150 : 50);
                double arm = amp * (run ? 250 : 150);
                double bob = amp * (run ? 60 : 20) * Math.cos(2 * s);
                p[LANK][0] += leg * sin;
                p[LANK][2] += lift * Math.max(0, sin);
                p[RANK][0] -= leg * sin;
                p[RANK][2] += lift * Math.max(0, -sin);
                p[LWRI][0] -= arm * sin;
                p[RWRI][0] += arm * sin;
                for (int m : new int[] {HEAD, PELV, LWRI, RWRI}) {
                    p[m][2] += bob;
                    p[m][1] += amp * 15 * sin;
                }
            }
            case 2 -> { // jump: |sin(s / 2)| bounces once per period of s
                double h = amp * 300 * Math.abs(Math.sin(s / 2));
                for (double[] m : p) {
                    m[2] += h;
                }
                p[LWRI][2] += h * 0.8;
                p[RWRI][2] += h * 0.8;
            }
            default -> { // wave: right wrist raised, swinging sideways
                p[RWRI][1] += amp * 200 * sin;
                p[RWRI][2] += 800 + amp * 30 * Math.sin(2 * s);
            }
        }
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
