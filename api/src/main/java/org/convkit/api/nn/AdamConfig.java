package org.convkit.api.nn;

import java.util.List;

/**
 * Hyper-parameters of {@link Adam}, as {@code torch.optim.Adam(lr, betas=(beta1, beta2), eps,
 * weight_decay)} (amsgrad off).
 *
 * @param learningRate positive
 * @param beta1        first-moment decay, in {@code [0, 1)}
 * @param beta2        second-moment decay, in {@code [0, 1)}
 * @param eps          added to the denominator, positive
 * @param weightDecay  L2 penalty added to the gradient, {@code >= 0}
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double eps, double weightDecay)
        implements OptimizerConfig {

    public AdamConfig {
        OptimizerConfig.checkAdam(learningRate, beta1, beta2, eps, weightDecay);
    }

    /** torch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static AdamConfig of(double learningRate) {
        return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public Adam build(List<Parameter> params) {
        return new Adam(params, this);
    }
}
