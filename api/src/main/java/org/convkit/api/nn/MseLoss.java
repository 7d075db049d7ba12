package org.convkit.api.nn;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Mean squared error over all elements: {@code loss = (1 / n) * sum (o - t)^2}, matching
 * {@code torch.nn.functional.mse_loss(o, t)} (reduction 'mean'). Output and target must have the same
 * shape (no broadcasting). The sum is accumulated in double; the gradient is {@code 2 (o - t) / n}.
 */
public final class MseLoss implements Loss {
    private float[] grad;
    private Shape shape;

    @Override
    public float forward(FloatNd output, FloatNd target) {
        Shape s = output.shape();
        if (!s.equals(target.shape())) {
            throw new IllegalArgumentException("mse loss needs output and target of the same shape, got output "
                    + s + " and target " + target.shape());
        }
        int n = s.size();
        if (n == 0) {
            throw new IllegalArgumentException("mse loss of an empty output " + s);
        }
        float[] o = output.data();
        float[] t = target.data();
        float[] g = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) o[output.offset() + i] - t[target.offset() + i];
            sum += d * d;
            g[i] = (float) (2 * d / n);
        }
        this.grad = g;
        this.shape = s;
        return (float) (sum / n);
    }

    @Override
    public FloatNd backward() {
        if (grad == null) {
            throw new IllegalStateException("mse backward called before forward");
        }
        return FloatNd.of(shape, grad.clone());
    }
}
