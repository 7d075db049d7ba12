package org.convkit.api.signal;

import java.util.SplittableRandom;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/** Fixed-seed signals and a few stable filters shared by the IIR tests. */
final class IirTesting {
    /** Poles 0.5 and 0.4; zeros anywhere. */
    static final double[] B = {0.2, 0.3, -0.1, 0.05};
    static final double[] A = {1, -0.9, 0.2};
    /** Poles 0.5, 0.4, 0.3: a longer than b. */
    static final double[] A3 = {1, -1.2, 0.47, -0.06};

    /** Seven stable sections: groups of 4, 2 and 1 in the cascade kernel. */
    static final double[][] SEVEN = {
        {0.019519878425844493, 0.039039756851688985, 0.019519878425844493, 1.0, -0.6678552817830781, 0.14606000145308265},
        {1.0, 2.0, 1.0, 1.0, -0.8582708928834707, 0.532964678196369},
        {1.0, -2.0, 1.0, 1.0, -1.9535864062917438, 0.9542242489909774},
        {1.0, -2.0, 1.0, 1.0, -1.981398572480143, 0.9820030228766599},
        {1, 0.5, 0.25, 1, -0.9, 0.2},
        {0.5, 0, -0.5, 1, -1.5, 0.7},
        {1, -1, 0, 1, -0.3, 0},
    };

    private IirTesting() {
    }

    static DoubleNd random(long seed, int... dims) {
        Shape shape = Shape.of(dims);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return DoubleNd.of(shape, v);
    }

    static double[][] sections(double[][] sos, int from, int to) {
        double[][] s = new double[to - from][];
        for (int i = from; i < to; i++) {
            s[i - from] = sos[i].clone();
        }
        return s;
    }
}
