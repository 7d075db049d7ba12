package org.convkit.api.nn;

import java.util.List;

/**
 * Hyper-parameters of {@link Sgd}, as {@code torch.optim.SGD(lr, momentum, dampening=0, weight_decay,
 * nesterov)}.
 *
 * @param learningRate positive
 * @param momentum     in {@code [0, 1)}; 0 is plain gradient descent
 * @param nesterov     Nesterov momentum (needs {@code momentum > 0}, as in torch)
 * @param weightDecay  L2 penalty added to the gradient, {@code >= 0}
 */
public record SgdConfig(double learningRate, double momentum, boolean nesterov, double weightDecay)
        implements OptimizerConfig {

    public SgdConfig {
        OptimizerConfig.checkRate(learningRate);
        OptimizerConfig.checkBeta("momentum", momentum);
        OptimizerConfig.checkDecay(weightDecay);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0, got momentum " + momentum);
        }
    }

    /** Plain SGD: no momentum, no weight decay. */
    public static SgdConfig of(double learningRate) {
        return new SgdConfig(learningRate, 0, false, 0);
    }

    @Override
    public Sgd build(List<Parameter> params) {
        return new Sgd(params, this);
    }
}
