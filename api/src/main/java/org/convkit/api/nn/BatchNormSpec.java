package org.convkit.api.nn;

/**
 * Batch normalisation over the batch and spatial axes of each channel, PyTorch's
 * {@code BatchNormNd}: training uses the batch statistics (biased variance) and updates the
 * running ones as {@code r = (1 - momentum) r + momentum * stat} (unbiased variance); evaluation
 * uses the running statistics. Parameters {@code weight} (gamma) and {@code bias} (beta).
 */
public record BatchNormSpec(int channels, double momentum, double eps) implements LayerSpec {

    public BatchNormSpec {
        Specs.positive("channels", channels);
        if (!(momentum >= 0 && momentum <= 1) || !(eps > 0)) {
            throw new IllegalArgumentException("batch norm needs momentum in [0, 1] and eps > 0, got "
                    + momentum + ", " + eps);
        }
    }

    public static BatchNormSpec of(int channels) {
        return new BatchNormSpec(channels, 0.1, 1e-5);
    }

    @Override
    public String type() {
        return "batchnorm";
    }
}
