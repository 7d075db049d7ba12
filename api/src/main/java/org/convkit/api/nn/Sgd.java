package org.convkit.api.nn;

import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, matching
 * {@code torch.optim.SGD} (torch 1.13, dampening 0) in its order of operations, in float32:
 * <pre>  d = g + weightDecay * p
 *   b = d                  on a parameter's first update (the buffer starts as the gradient)
 *   b = momentum * b + d   afterwards
 *   d = d + momentum * b   with Nesterov, else d = b
 *   p = p - lr * d</pre>
 * Momentum as in Sutskever, Martens, Dahl &amp; Hinton, "On the importance of initialization and
 * momentum in deep learning" (ICML 2013), whose Nesterov form torch rewrites as above so that the
 * gradient is taken at the current parameters. State: {@code momentum_buffer} per parameter.
 */
public final class Sgd extends Optimizer {
    private static final String BUFFER = "momentum_buffer";

    private final SgdConfig config;
    private final float[][] buffers;

    public Sgd(List<Parameter> params, SgdConfig config) {
        super(params, config.learningRate());
        this.config = config;
        this.buffers = new float[params.size()][];
    }

    public SgdConfig config() {
        return config;
    }

    @Override
    protected void update(int index, Parameter p, long step) {
        float[] w = p.value().data();
        float[] g = p.grad().data();
        float wd = (float) config.weightDecay();
        float mom = (float) config.momentum();
        float rate = (float) -learningRate();
        boolean first = buffers[index] == null;
        if (config.momentum() != 0 && first) {
            buffers[index] = new float[w.length];
        }
        float[] buf = buffers[index];
        for (int i = 0; i < w.length; i++) {
            float d = config.weightDecay() != 0 ? g[i] + wd * w[i] : g[i];
            if (buf != null) {
                float b = first ? d : buf[i] * mom + d;
                buf[i] = b;
                d = config.nesterov() ? d + mom * b : b;
            }
            w[i] = w[i] + rate * d;
        }
    }

    @Override
    protected List<String> slotNames() {
        return config.momentum() != 0 ? List.of(BUFFER) : List.of();
    }

    @Override
    protected float[] slot(int index, String name) {
        return buffers[index];
    }

    @Override
    protected void setSlot(int index, String name, float[] value) {
        buffers[index] = value;
    }
}
