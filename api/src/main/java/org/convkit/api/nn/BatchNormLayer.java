package org.convkit.api.nn;

import java.util.Arrays;
import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * Batch normalisation of {@code [N, C, spatial...]} (any number of spatial axes, none included),
 * {@code torch.nn.functional.batch_norm}. Per channel {@code c}, over the {@code m} values of the
 * batch and spatial axes:
 * <ul>
 * <li>training: {@code mean}, biased {@code var = sum((x - mean)^2) / m},
 *     {@code y = gamma (x - mean) / sqrt(var + eps) + beta}; the running statistics become
 *     {@code (1 - momentum) r + momentum stat}, with the unbiased variance {@code var m / (m - 1)};
 * <li>evaluation: the same with the running mean and variance, which are left unchanged.
 * </ul>
 * A layer whose weight and bias are both frozen ({@link Parameter#trainable()} false, as transfer
 * learning leaves a feature extractor) normalises as in evaluation also in a training pass, and
 * leaves its running statistics alone: a frozen layer computes the same function throughout
 * fine-tuning (torch users get this by putting frozen batch norms in eval mode).
 * Parameters {@code weight} (gamma, initially 1) and {@code bias} (beta, initially 0); buffers
 * {@code running_mean} (initially 0) and {@code running_var} (initially 1). Statistics and
 * gradient sums are accumulated in double, one channel per task, so results do not depend on the
 * thread count. Backward (after a training forward) is
 * {@code gx = gamma / sqrt(var + eps) (gy - mean(gy) - xhat mean(gy xhat))}, adding
 * {@code sum(gy xhat)} to gamma's gradient and {@code sum(gy)} to beta's (each only when that
 * parameter is trainable); after a pass that used the running statistics it is
 * {@code gx = gamma gy / sqrt(running_var + eps)}.
 *
 * <p>A training forward keeps a reference to its input for {@link #backward}; the caller must not
 * change it in between.
 */
public final class BatchNormLayer implements Layer {
    private final BatchNormSpec spec;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private FloatNd lastInput;
    private double[] lastMean;
    private double[] lastInvStd;
    private boolean lastBatchStats;
    private int threads = 1;

    /** A layer with gamma 1, beta 0, running mean 0 and running variance 1. */
    public BatchNormLayer(BatchNormSpec spec) {
        this.spec = spec;
        Shape c = Shape.of(spec.channels());
        this.gamma = new Parameter("weight", c);
        this.beta = new Parameter("bias", c);
        this.runningMean = new Parameter("running_mean", c);
        this.runningVar = new Parameter("running_var", c);
        Arrays.fill(gamma.value().data(), 1f);
        Arrays.fill(runningVar.value().data(), 1f);
        runningMean.setTrainable(false);
        runningVar.setTrainable(false);
    }

    @Override
    public BatchNormSpec spec() {
        return spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() < 2 || input.dim(1) != spec.channels()) {
            throw new IllegalArgumentException("batch norm expects [N, " + spec.channels() + ", ...], got "
                    + Arrays.toString(input.dims()));
        }
        return input;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        outputShape(x.shape());
        int n = x.shape().dim(0);
        int channels = spec.channels();
        int area = n == 0 ? 0 : x.shape().size() / (n * channels);
        long m = (long) n * area;
        boolean batchStats = pass.training() && (gamma.trainable() || beta.trainable());
        if (batchStats && m < 2) {
            throw new IllegalArgumentException("batch norm expects more than 1 value per channel when training, got input "
                    + Arrays.toString(x.shape().dims()));
        }
        float[] in = x.data();
        int off = x.offset();
        float[] y = new float[x.shape().size()];
        double[] mean = new double[channels];
        double[] invStd = new double[channels];
        float[] g = gamma.value().data();
        float[] b = beta.value().data();
        float[] rm = runningMean.value().data();
        float[] rv = runningVar.value().data();
        double momentum = spec.momentum();
        Parallel.forRange(channels, pass.threads(), (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                if (batchStats) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        int base = off + (i * channels + c) * area;
                        for (int j = 0; j < area; j++) {
                            sum += in[base + j];
                        }
                    }
                    double mu = sum / m;
                    double sq = 0;
                    for (int i = 0; i < n; i++) {
                        int base = off + (i * channels + c) * area;
                        for (int j = 0; j < area; j++) {
                            double d = in[base + j] - mu;
                            sq += d * d;
                        }
                    }
                    double var = sq / m;
                    mean[c] = mu;
                    invStd[c] = 1 / Math.sqrt(var + spec.eps());
                    rm[c] = (float) ((1 - momentum) * rm[c] + momentum * mu);
                    rv[c] = (float) ((1 - momentum) * rv[c] + momentum * var * m / (m - 1));
                } else {
                    mean[c] = rm[c];
                    invStd[c] = 1 / Math.sqrt(rv[c] + spec.eps());
                }
                double scale = g[c] * invStd[c];
                double shift = b[c] - mean[c] * scale;
                for (int i = 0; i < n; i++) {
                    int base = (i * channels + c) * area;
                    for (int j = 0; j < area; j++) {
                        y[base + j] = (float) (in[off + base + j] * scale + shift);
                    }
                }
            }
        });
        if (pass.gradients()) {
            lastInput = x;
            lastMean = mean;
            lastInvStd = invStd;
            lastBatchStats = batchStats;
            threads = pass.threads();
        }
        return FloatNd.of(x.shape(), y);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        if (lastInput == null) {
            throw new IllegalStateException("batch norm backward before a training forward");
        }
        Shape shape = lastInput.shape();
        if (!gy.shape().equals(shape)) {
            throw new IllegalArgumentException("batch norm backward expects a gradient of shape "
                    + Arrays.toString(shape.dims()) + ", got " + Arrays.toString(gy.shape().dims()));
        }
        int n = shape.dim(0);
        int channels = spec.channels();
        int area = shape.size() / (n * channels);
        double m = (double) n * area;
        float[] in = lastInput.data();
        int off = lastInput.offset();
        float[] g = gy.data();
        int go = gy.offset();
        float[] gx = new float[shape.size()];
        float[] gammaValue = gamma.value().data();
        float[] gammaGrad = gamma.grad().data();
        float[] betaGrad = beta.grad().data();
        double[] mean = lastMean;
        double[] invStd = lastInvStd;
        boolean batchStats = lastBatchStats;
        boolean gammaTrains = gamma.trainable();
        boolean betaTrains = beta.trainable();
        Parallel.forRange(channels, threads, (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                double sumG = 0;
                double sumGx = 0;
                for (int i = 0; i < n; i++) {
                    int base = (i * channels + c) * area;
                    for (int j = 0; j < area; j++) {
                        double gv = g[go + base + j];
                        sumG += gv;
                        sumGx += gv * (in[off + base + j] - mean[c]) * invStd[c];
                    }
                }
                if (gammaTrains) {
                    gammaGrad[c] += (float) sumGx;
                }
                if (betaTrains) {
                    betaGrad[c] += (float) sumG;
                }
                // with fixed (running) statistics the mean and variance do not depend on x
                double meanG = batchStats ? sumG / m : 0;
                double meanGx = batchStats ? sumGx / m : 0;
                double scale = gammaValue[c] * invStd[c];
                for (int i = 0; i < n; i++) {
                    int base = (i * channels + c) * area;
                    for (int j = 0; j < area; j++) {
                        double xhat = (in[off + base + j] - mean[c]) * invStd[c];
                        gx[base + j] = (float) (scale * (g[go + base + j] - meanG - xhat * meanGx));
                    }
                }
            }
        });
        return FloatNd.of(shape, gx);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public List<Parameter> buffers() {
        return List.of(runningMean, runningVar);
    }
}
