package org.convkit.api.nn;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), matching
 * {@code torch.optim.Adam} of torch 1.13 (amsgrad off): weight decay is an L2 term added to the
 * gradient, {@code g = grad + weightDecay * p}, then, in float32 with the bias corrections in double,
 * <pre>  m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g * g
 *   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)</pre>
 * where {@code t} counts this parameter's updates (as torch's per-parameter {@code state['step']}: a
 * parameter frozen for a while starts at t = 1 when first updated). State per parameter:
 * {@code exp_avg}, {@code exp_avg_sq} and {@code step} (two floats {@code [t / 2^24, t mod 2^24]}).
 */
public final class Adam extends AdamFamily {
    private final AdamConfig config;

    public Adam(List<Parameter> params, AdamConfig config) {
        super(params, config.learningRate());
        this.config = config;
    }

    public AdamConfig config() {
        return config;
    }

    @Override
    protected void update(int index, Parameter p, long step) {
        float[] w = p.value().data();
        float[] g = p.grad().data();
        moments.update(index, w, g, config.weightDecay(), learningRate(), config.beta1(), config.beta2(), config.eps());
    }
}
