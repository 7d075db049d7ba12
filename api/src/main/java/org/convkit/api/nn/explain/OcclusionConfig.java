package org.convkit.api.nn.explain;

import java.util.Objects;

/**
 * How {@link Occlusion} slides its patch.
 *
 * @param patch    the patch edge in positions along every spatial axis, at least 1 (clipped to a
 *                 shorter axis)
 * @param stride   the step between patches, at least 1
 * @param baseline what the patch sets the input to
 */
public record OcclusionConfig(int patch, int stride, Baseline baseline) {

    public OcclusionConfig {
        if (patch < 1 || stride < 1) {
            throw new IllegalArgumentException("occlusion patch and stride must be at least 1, got patch " + patch
                    + ", stride " + stride);
        }
        Objects.requireNonNull(baseline, "baseline");
    }
}
