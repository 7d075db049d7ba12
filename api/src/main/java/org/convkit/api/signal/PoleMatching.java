package org.convkit.api.signal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/** Comparison of two root sets taken as unordered multisets. */
final class PoleMatching {

    private PoleMatching() {
    }

    /**
     * The largest distance between a root of {@code a} and the root of {@code b} it is matched
     * with, each root of {@code a} in turn taking its nearest unmatched root of {@code b};
     * infinite when the counts differ.
     */
    static double maxDeviation(Complex[] a, Complex[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        List<Complex> left = new ArrayList<>(List.of(b));
        double worst = 0;
        for (Complex r : a) {
            int best = 0;
            for (int i = 1; i < left.size(); i++) {
                if (left.get(i).subtract(r).abs() < left.get(best).subtract(r).abs()) {
                    best = i;
                }
            }
            worst = Math.max(worst, left.remove(best).subtract(r).abs());
        }
        return worst;
    }
}
