package org.convkit.api.nn.explain;

/**
 * How {@link Shapley} estimates segment Shapley values.
 *
 * @param segment      the segment edge in positions along every spatial axis, at least 1 (see
 *                     {@link Segments})
 * @param permutations the sampled permutations, at least 1 (each costs {@code segments - 1} model
 *                     evaluations); even when antithetic
 * @param antithetic   whether every second permutation is the reverse of the one before (antithetic
 *                     sampling, which cancels part of the sampling error)
 * @param baseline     what a segment outside the coalition is set to
 * @param seed         the seed of the permutations
 */
public record ShapleyConfig(int segment, int permutations, boolean antithetic, Baseline baseline, long seed) {

    public ShapleyConfig {
        if (segment < 1) {
            throw new IllegalArgumentException("segment size must be at least 1, got " + segment);
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("Shapley sampling needs at least 1 permutation, got " + permutations);
        }
        if (antithetic && permutations % 2 != 0) {
            throw new IllegalArgumentException("antithetic sampling needs an even number of permutations, got "
                    + permutations);
        }
        java.util.Objects.requireNonNull(baseline, "baseline");
    }
}
