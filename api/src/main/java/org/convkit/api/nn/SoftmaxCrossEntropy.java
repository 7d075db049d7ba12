package org.convkit.api.nn;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Softmax followed by the negative log-likelihood, fused: matches
 * {@code torch.nn.functional.cross_entropy(logits, labels)} with mean reduction (no class weights,
 * no label smoothing, no {@code ignore_index}).
 *
 * <p>Output (logits) {@code [N, K]} or {@code [N, K, spatial...]}; target {@code [N]} or
 * {@code [N, spatial...]} holding class indices stored as floats (each an integer in {@code [0, K)}).
 * With {@code M = N * prod(spatial)} positions and {@code y} the label at a position,
 * <pre>  loss = (1 / M) * sum over positions of (logsumexp_k x[k] - x[y]),
 *   logsumexp_k x[k] = m + log sum_k exp(x[k] - m),  m = max_k x[k]</pre>
 * evaluated in double (the max shift keeps every exponential at most 1, so large logits do not
 * overflow). The gradient with respect to the logits is {@code (softmax(x)[k] - [k == y]) / M}.
 */
public final class SoftmaxCrossEntropy implements Loss {
    private float[] grad;
    private Shape shape;

    @Override
    public float forward(FloatNd output, FloatNd target) {
        Shape s = output.shape();
        checkOutput("cross-entropy", s);
        int n = s.dim(0);
        int k = s.dim(1);
        int inner = s.size() / (n * k);
        Shape labelsShape = classIndexShape(s);
        if (!target.shape().equals(labelsShape)) {
            throw new IllegalArgumentException("cross-entropy of output " + s + " needs class-index target "
                    + labelsShape + ", got " + target.shape());
        }
        double[] p = softmaxAxis1(output);
        int count = n * inner;
        float[] g = new float[s.size()];
        double total = 0;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < inner; i++) {
                int label = label(target, b * inner + i, k, s);
                int base = b * k * inner + i;
                int at = base + label * inner;
                // -log softmax[y], from the shifted logits so that it is exact even when p[y] underflows
                total += logSumExp(output, base, k, inner) - output.data()[output.offset() + at];
                for (int c = 0; c < k; c++) {
                    int j = base + c * inner;
                    g[j] = (float) ((p[j] - (c == label ? 1 : 0)) / count);
                }
            }
        }
        this.grad = g;
        this.shape = s;
        return (float) (total / count);
    }

    @Override
    public FloatNd backward() {
        if (grad == null) {
            throw new IllegalStateException("cross-entropy backward called before forward");
        }
        return FloatNd.of(shape, grad.clone());
    }

    /**
     * Class probabilities for inference: the softmax over axis 1 of {@code [N, K, spatial...]} logits,
     * {@code exp(x[k] - m) / sum_j exp(x[j] - m)} computed in double (matches {@code torch.softmax(x, 1)}).
     */
    public static FloatNd softmax(FloatNd logits) {
        checkOutput("softmax", logits.shape());
        double[] p = softmaxAxis1(logits);
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) p[i];
        }
        return FloatNd.of(logits.shape(), out);
    }

    /** Softmax over axis 1 in double, row-major like {@code x}. */
    static double[] softmaxAxis1(FloatNd x) {
        Shape s = x.shape();
        int n = s.dim(0);
        int k = s.dim(1);
        int inner = s.size() / Math.max(1, n * k);
        float[] d = x.data();
        int off = x.offset();
        double[] p = new double[s.size()];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < inner; i++) {
                int base = b * k * inner + i;
                double m = max(x, base, k, inner);
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    int j = base + c * inner;
                    p[j] = Math.exp(d[off + j] - m);
                    sum += p[j];
                }
                for (int c = 0; c < k; c++) {
                    p[base + c * inner] /= sum;
                }
            }
        }
        return p;
    }

    private static double max(FloatNd x, int base, int k, int inner) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            m = Math.max(m, x.data()[x.offset() + base + c * inner]);
        }
        return m;
    }

    private static double logSumExp(FloatNd x, int base, int k, int inner) {
        double m = max(x, base, k, inner);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(x.data()[x.offset() + base + c * inner] - m);
        }
        return m + Math.log(sum);
    }

    static void checkOutput(String what, Shape s) {
        if (s.rank() < 2 || s.dim(0) == 0 || s.dim(1) == 0) {
            throw new IllegalArgumentException(what + " needs an output [N, K, spatial...] with N, K > 0, got " + s);
        }
    }

    /** {@code [N, spatial...]}: the output shape without its class axis. */
    static Shape classIndexShape(Shape output) {
        int[] d = output.dims();
        int[] t = new int[d.length - 1];
        t[0] = d[0];
        System.arraycopy(d, 2, t, 1, d.length - 2);
        return Shape.of(t);
    }

    /** The class index at flat position {@code j} of {@code target}, checked to be an integer in [0, K). */
    static int label(FloatNd target, int j, int k, Shape output) {
        float v = target.data()[target.offset() + j];
        if (!(v >= 0 && v < k) || v != Math.rint(v)) {
            throw new IllegalArgumentException("target " + target.shape() + " holds " + v + " at flat index " + j
                    + ", not a class index in [0, " + k + ") for output " + output);
        }
        return (int) v;
    }
}
