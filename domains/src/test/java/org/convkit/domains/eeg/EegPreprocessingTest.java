package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.NotchFilter;
import org.junit.jupiter.api.Test;

/** The eeg preprocessing chain: what it holds and what it does to mains hum. */
class EegPreprocessingTest {

    private static FilterChain chain(double rate) {
        return Domains.named("eeg").preprocessing(Metadata.recording(rate, List.of()));
    }

    @Test
    void chainIsAZeroPhaseBandPassThenANotchAtTheFilesRate() {
        assertEquals(FilterChain.of(
                new ButterworthFilter(Butterworth.Band.BANDPASS, 4, new double[] {1, 40}, 256, true),
                new NotchFilter(50, 30, 256, true)), chain(256));
    }

    @Test
    void slowRecordingsGetALowerUpperEdgeAndNoNotchAboveNyquist() {
        assertEquals(FilterChain.of(
                new ButterworthFilter(Butterworth.Band.BANDPASS, 4, new double[] {1, 0.45 * 64}, 64, true)), chain(64));
    }

    @Test
    void missingSampleRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> chain(Double.NaN));
    }

    @Test
    void mainsHumIsRemovedAndAnAlphaRhythmKept() {
        int n = 128 * 8;
        double[] hum = new double[n];
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            hum[i] = Math.sin(2 * Math.PI * 50 * i / 128.0);
            alpha[i] = Math.sin(2 * Math.PI * 10 * i / 128.0);
        }
        double[] h = chain(128).apply(DoubleNd.of(Shape.of(1, n), hum), ConvContext.defaults()).toArray();
        double[] a = chain(128).apply(DoubleNd.of(Shape.of(1, n), alpha), ConvContext.defaults()).toArray();
        // away from the edges: hum below 1%, alpha within 2% and in phase (zero-phase filtering)
        for (int i = 256; i < n - 256; i++) {
            assertTrue(Math.abs(h[i]) < 0.01, "hum left at " + i + ": " + h[i]);
            assertEquals(alpha[i], a[i], 0.02, "alpha at " + i);
        }
    }
}
