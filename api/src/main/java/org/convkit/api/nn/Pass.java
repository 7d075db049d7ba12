package org.convkit.api.nn;

/**
 * How one forward pass runs: training or evaluation mode, the thread budget, the seed from which
 * stochastic layers (dropout) draw, and whether a backward pass will follow. A layer's output
 * depends only on its input, its parameters and this record, never on the thread count.
 *
 * @param training  whether this is a training pass (dropout active, batch statistics used and
 *                  running statistics updated)
 * @param threads   the most threads a layer may use, at least 1
 * @param seed      the seed of this pass's random draws; layers derive their own stream from it
 * @param gradients whether layers keep what {@link Layer#backward} needs (their inputs or masks);
 *                  always true in training, and true in evaluation for gradients with respect to
 *                  the input of a model in evaluation mode (saliency maps)
 */
public record Pass(boolean training, int threads, long seed, boolean gradients) {

    public Pass {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (training && !gradients) {
            throw new IllegalArgumentException("a training pass always keeps what backward needs");
        }
    }

    /** A pass that keeps what backward needs exactly when it is a training pass. */
    public Pass(boolean training, int threads, long seed) {
        this(training, threads, seed, training);
    }

    /** An evaluation pass. */
    public static Pass eval(int threads) {
        return new Pass(false, threads, 0L, false);
    }

    /**
     * An evaluation pass (no dropout, running statistics) after which {@link Model#backward} may
     * run: the gradient of an output with respect to the input of the model as it predicts.
     */
    public static Pass evalWithGradients(int threads) {
        return new Pass(false, threads, 0L, true);
    }

    /** A training pass with the given seed. */
    public static Pass train(int threads, long seed) {
        return new Pass(true, threads, seed, true);
    }

    /** This pass with the seed mixed with {@code salt}, so each layer draws its own stream. */
    public Pass salted(long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Pass(training, threads, z ^ (z >>> 31), gradients);
    }
}
