package org.convkit.api.nn.train;

import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;

/**
 * A random change to the features of a training batch, applied by {@link Trainer} to each batch
 * before its forward pass (never to validation or test data). The trainer hands it a generator
 * seeded from the run's seed, the epoch and the batch number, so a run draws the same changes
 * whatever its thread count, and a resumed run draws what an uninterrupted one would have.
 */
@FunctionalInterface
public interface Augmentation {

    /**
     * The augmented features of {@code x} ({@code [N, C, ...]}), as a new array: {@code x} is not
     * modified. Draws only from {@code random}.
     */
    FloatNd apply(FloatNd x, SplittableRandom random);
}
