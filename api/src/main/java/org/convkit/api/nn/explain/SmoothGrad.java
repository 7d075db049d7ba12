package org.convkit.api.nn.explain;

/**
 * SmoothGrad's settings (Smilkov et al. 2017, "SmoothGrad: removing noise by adding noise"): the
 * saliency map is the mean of the gradients at {@code samples} copies of the input with Gaussian noise
 * of standard deviation {@code sigma = noise * (max(x) - min(x))} added to every element.
 *
 * @param samples noisy copies, at least 1
 * @param noise   the noise level as a fraction of the input's range, in {@code [0, 1]} (Smilkov et al.
 *                suggest 0.1 to 0.2)
 * @param seed    the seed of the noise
 */
public record SmoothGrad(int samples, double noise, long seed) {

    public SmoothGrad {
        if (samples < 1) {
            throw new IllegalArgumentException("SmoothGrad needs at least 1 sample, got " + samples);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("SmoothGrad noise must be a fraction of the input range in [0, 1], got "
                    + noise);
        }
    }
}
