package org.convkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.signal.Sos;
import org.junit.jupiter.api.Test;

class WorkloadsIirTest {
    private static final double FS = 256;

    /** Peak absolute output over the last second of a 20 s sine of {@code hz} through the sections. */
    private static double steadyAmplitude(double hz) {
        double[] x = new double[(int) (20 * FS)];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / FS);
        }
        double[] y = Sos.sosfilt(WorkloadsIir.BUTTER4_BANDPASS_1_40_FS256, DoubleNd.vector(x)).toArray();
        double peak = 0;
        for (int i = y.length - (int) FS; i < y.length; i++) {
            peak = Math.max(peak, Math.abs(y[i]));
        }
        return peak;
    }

    @Test
    void hardCodedSectionsAreStable() {
        for (double[] s : WorkloadsIir.BUTTER4_BANDPASS_1_40_FS256) {
            // A biquad's poles are inside the unit circle iff |a2| < 1 and |a1| < 1 + a2.
            assertTrue(Math.abs(s[5]) < 1 && Math.abs(s[4]) < 1 + s[5], Arrays.toString(s));
        }
    }

    @Test
    void hardCodedSectionsPassTheBandAndStopOutsideIt() {
        assertEquals(1.0, steadyAmplitude(10), 0.01);
        assertEquals(Math.sqrt(0.5), steadyAmplitude(40), 0.01);
        assertTrue(steadyAmplitude(100) < 0.01);
    }
}
