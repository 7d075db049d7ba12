package org.convkit.api.nn;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Soft Dice loss for segmentation (Milletari et al. 2016, "V-Net"), on logits.
 *
 * <p>Output: logits {@code [N, K, spatial...]}, turned into probabilities {@code p} by a softmax over
 * the class axis. Target: either a class-index map {@code [N, spatial...]} (integers in {@code [0, K)}
 * stored as floats, expanded to one-hot) or a {@code [N, K, spatial...]} array {@code t} used as given
 * (one-hot or soft labels). Sums run over the batch and all positions together, per class {@code k}:
 * <pre>  I_k = sum p_k t_k,   S_k = sum p_k + sum t_k
 *   loss = 1 - (1 / K) * sum_k (2 I_k + eps) / (S_k + eps)</pre>
 * with {@code eps = 1e-5} by default (the smoothing of MONAI's {@code DiceLoss}; a class absent from
 * both prediction and target scores close to 1). Everything is computed in double. The gradient is
 * {@code dL/dp_k = -(1/K) (2 t_k (S_k + eps) - (2 I_k + eps)) / (S_k + eps)^2}, taken through the
 * softmax: {@code dL/dx_c = p_c (dL/dp_c - sum_j p_j dL/dp_j)}.
 */
public final class DiceLoss implements Loss {
    /** The default smoothing term added to numerator and denominator. */
    public static final double DEFAULT_EPS = 1e-5;

    private final double eps;
    private float[] grad;
    private Shape shape;

    public DiceLoss() {
        this(DEFAULT_EPS);
    }

    public DiceLoss(double eps) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("dice eps must be positive and finite, got " + eps);
        }
        this.eps = eps;
    }

    public double eps() {
        return eps;
    }

    @Override
    public float forward(FloatNd output, FloatNd target) {
        return (float) evaluate(output, target);
    }

    /** The loss in double (what {@link #forward} rounds); keeps the gradient for {@link #backward}. */
    double evaluate(FloatNd output, FloatNd target) {
        Shape s = output.shape();
        SoftmaxCrossEntropy.checkOutput("dice loss", s);
        int n = s.dim(0);
        int k = s.dim(1);
        int inner = s.size() / (n * k);
        double[] t = targets(output.shape(), target);
        double[] p = SoftmaxCrossEntropy.softmaxAxis1(output);
        double[] inter = new double[k];
        double[] sums = new double[k];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                int base = (b * k + c) * inner;
                for (int i = 0; i < inner; i++) {
                    inter[c] += p[base + i] * t[base + i];
                    sums[c] += p[base + i] + t[base + i];
                }
            }
        }
        double dice = 0;
        for (int c = 0; c < k; c++) {
            dice += (2 * inter[c] + eps) / (sums[c] + eps);
        }
        this.grad = gradient(p, t, inter, sums, n, k, inner);
        this.shape = s;
        return 1 - dice / k;
    }

    private float[] gradient(double[] p, double[] t, double[] inter, double[] sums, int n, int k, int inner) {
        double[] gp = new double[p.length];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < k; c++) {
                double den = sums[c] + eps;
                double num = 2 * inter[c] + eps;
                int base = (b * k + c) * inner;
                for (int i = 0; i < inner; i++) {
                    gp[base + i] = -(2 * t[base + i] * den - num) / (den * den * k);
                }
            }
        }
        float[] g = new float[p.length];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < inner; i++) {
                int base = b * k * inner + i;
                double dot = 0;
                for (int c = 0; c < k; c++) {
                    dot += p[base + c * inner] * gp[base + c * inner];
                }
                for (int c = 0; c < k; c++) {
                    int j = base + c * inner;
                    g[j] = (float) (p[j] * (gp[j] - dot));
                }
            }
        }
        return g;
    }

    /** The target as a dense {@code [N, K, spatial...]} array in double. */
    private static double[] targets(Shape out, FloatNd target) {
        double[] t = new double[out.size()];
        if (target.shape().equals(out)) {
            for (int i = 0; i < t.length; i++) {
                t[i] = target.data()[target.offset() + i];
                if (!Double.isFinite(t[i])) {
                    throw new IllegalArgumentException("dice target " + target.shape() + " holds " + t[i]
                            + " at flat index " + i);
                }
            }
            return t;
        }
        Shape labels = SoftmaxCrossEntropy.classIndexShape(out);
        if (!target.shape().equals(labels)) {
            throw new IllegalArgumentException("dice loss of output " + out + " needs a class-index target "
                    + labels + " or a one-hot target " + out + ", got " + target.shape());
        }
        int k = out.dim(1);
        int inner = out.size() / (out.dim(0) * k);
        for (int b = 0; b < out.dim(0); b++) {
            for (int i = 0; i < inner; i++) {
                int label = SoftmaxCrossEntropy.label(target, b * inner + i, k, out);
                t[(b * k + label) * inner + i] = 1;
            }
        }
        return t;
    }

    @Override
    public FloatNd backward() {
        if (grad == null) {
            throw new IllegalStateException("dice backward called before forward");
        }
        return FloatNd.of(shape, grad.clone());
    }
}
