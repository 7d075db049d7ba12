package org.convkit.conv1d;

/**
 * Transform sizes and their estimated cost for JTransforms' real FFT. Powers of two use its
 * split-radix code; other products of 2, 3 and 5 use mixed radix, measured about 1.5 times slower
 * per {@code n log n} on this machine class. Sizes are kept even so that the packed real format of
 * {@code realForward} is the simple one.
 */
final class FftSizes {
    /** Largest transform length considered (the packed format needs an int index). */
    static final int MAX = 1 << 30;

    private FftSizes() {
    }

    /** Estimated nanoseconds of one real forward (or inverse) transform of length {@code n}. */
    static double nanos(int n) {
        double lg = Math.log(n) / Math.log(2);
        // Beyond L2 (~2^17 doubles of working set) each level of the transform costs more.
        double perPoint = 0.6 * (1 + 0.1 * Math.max(0, lg - 17));
        if (Integer.bitCount(n) != 1) {
            perPoint *= 1.5;
        }
        return 200 + n * Math.max(lg, 1) * perPoint;
    }

    /** The cheaper of the next power of two and the next even product of 2, 3 and 5 that is {@code >= min}. */
    static int fastSize(int min) {
        if (min > MAX) {
            throw new IllegalArgumentException("transform of " + min + " points is longer than " + MAX);
        }
        int pow2 = Integer.highestOneBit(Math.max(2, min));
        if (pow2 < min) {
            pow2 <<= 1;
        }
        int smooth = 2 * nextSmooth((Math.max(2, min) + 1) / 2);
        return smooth < pow2 && nanos(smooth) < nanos(pow2) ? smooth : pow2;
    }

    /** The smallest product of 2, 3 and 5 that is {@code >= n}. */
    static int nextSmooth(int n) {
        long best = Long.MAX_VALUE;
        for (long p5 = 1; p5 < 2L * n; p5 *= 5) {
            for (long p35 = p5; p35 < 2L * n; p35 *= 3) {
                long v = p35;
                while (v < n) {
                    v *= 2;
                }
                best = Math.min(best, v);
            }
        }
        return (int) best;
    }
}
