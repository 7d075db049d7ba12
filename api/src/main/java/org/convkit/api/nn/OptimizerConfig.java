package org.convkit.api.nn;

import java.util.List;

/** The immutable hyper-parameters of an optimiser, which build it over a list of parameters. */
public sealed interface OptimizerConfig permits SgdConfig, AdamConfig, AdamWConfig {

    /** The base learning rate (a schedule scales it per epoch). */
    double learningRate();

    /** A fresh optimiser (empty state, step 0) over {@code params}, in their order. */
    Optimizer build(List<Parameter> params);

    static void checkRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        }
    }

    static void checkDecay(double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0 and finite, got " + weightDecay);
        }
    }

    static void checkBeta(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
    }

    static void checkAdam(double lr, double beta1, double beta2, double eps, double weightDecay) {
        checkRate(lr);
        checkBeta("beta1", beta1);
        checkBeta("beta2", beta2);
        checkDecay(weightDecay);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be positive and finite, got " + eps);
        }
    }
}
