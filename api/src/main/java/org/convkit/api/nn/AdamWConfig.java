package org.convkit.api.nn;

import java.util.List;

/**
 * Hyper-parameters of {@link AdamW}, as {@code torch.optim.AdamW(lr, betas=(beta1, beta2), eps,
 * weight_decay)} (amsgrad off).
 *
 * @param learningRate positive
 * @param beta1        first-moment decay, in {@code [0, 1)}
 * @param beta2        second-moment decay, in {@code [0, 1)}
 * @param eps          added to the denominator, positive
 * @param weightDecay  decoupled decay: each step multiplies the parameter by {@code 1 - lr * weightDecay}
 */
public record AdamWConfig(double learningRate, double beta1, double beta2, double eps, double weightDecay)
        implements OptimizerConfig {

    public AdamWConfig {
        OptimizerConfig.checkAdam(learningRate, beta1, beta2, eps, weightDecay);
    }

    /** torch's defaults: betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public static AdamWConfig of(double learningRate) {
        return new AdamWConfig(learningRate, 0.9, 0.999, 1e-8, 0.01);
    }

    @Override
    public AdamW build(List<Parameter> params) {
        return new AdamW(params, this);
    }
}
