package org.convkit.api.nn;

import java.util.List;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), matching {@code torch.optim.AdamW} of torch 1.13 (amsgrad off): each
 * step first shrinks the parameter, {@code p = p * (1 - lr * weightDecay)}, then applies the Adam
 * update of {@link Adam} to the raw gradient (Kingma &amp; Ba, ICLR 2015). State per parameter:
 * {@code exp_avg}, {@code exp_avg_sq}, {@code step}.
 */
public final class AdamW extends AdamFamily {
    private final AdamWConfig config;

    public AdamW(List<Parameter> params, AdamWConfig config) {
        super(params, config.learningRate());
        this.config = config;
    }

    public AdamWConfig config() {
        return config;
    }

    @Override
    protected void update(int index, Parameter p, long step) {
        float[] w = p.value().data();
        float[] g = p.grad().data();
        if (config.weightDecay() != 0) {
            float shrink = (float) (1 - learningRate() * config.weightDecay());
            for (int i = 0; i < w.length; i++) {
                w[i] *= shrink;
            }
        }
        moments.update(index, w, g, 0, learningRate(), config.beta1(), config.beta2(), config.eps());
    }
}
