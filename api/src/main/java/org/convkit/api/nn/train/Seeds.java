package org.convkit.api.nn.train;

/**
 * Derived seeds: the shuffle of epoch {@code e} and the dropout and augmentation seeds of batch {@code b} depend only
 * on the run's seed and those numbers, so a resumed run draws exactly what an uninterrupted one
 * would have drawn.
 */
final class Seeds {
    private static final long SHUFFLE = 0x53485546464c45L;
    private static final long DROPOUT = 0x44524f504f5554L;
    private static final long SPLIT = 0x53504c4954L;
    private static final long AUGMENT = 0x4155474d454e54L;

    private Seeds() {
    }

    /** SplitMix64's finaliser over {@code a} and {@code b}: a well-mixed 64-bit function of both. */
    static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long shuffle(long seed, int epoch) {
        return mix(mix(seed, SHUFFLE), epoch);
    }

    static long dropout(long seed, int epoch, int batch) {
        return mix(mix(mix(seed, DROPOUT), epoch), batch);
    }

    static long augment(long seed, int epoch, int batch) {
        return mix(mix(mix(seed, AUGMENT), epoch), batch);
    }

    static long split(long seed) {
        return mix(seed, SPLIT);
    }
}
