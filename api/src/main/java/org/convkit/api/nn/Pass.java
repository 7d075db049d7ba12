package org.convkit.api.nn;

/**
 * How one forward pass runs: training or evaluation mode, the thread budget, and the seed from
 * which stochastic layers (dropout) draw. A layer's output depends only on its input, its
 * parameters and this record, never on the thread count.
 *
 * @param training whether this is a training pass (dropout active, batch statistics used and
 *                 running statistics updated, inputs cached for {@link Layer#backward})
 * @param threads  the most threads a layer may use, at least 1
 * @param seed     the seed of this pass's random draws; layers derive their own stream from it
 */
public record Pass(boolean training, int threads, long seed) {

    public Pass {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** An evaluation pass. */
    public static Pass eval(int threads) {
        return new Pass(false, threads, 0L);
    }

    /** A training pass with the given seed. */
    public static Pass train(int threads, long seed) {
        return new Pass(true, threads, seed);
    }

    /** This pass with the seed mixed with {@code salt}, so each layer draws its own stream. */
    public Pass salted(long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Pass(training, threads, z ^ (z >>> 31));
    }
}
