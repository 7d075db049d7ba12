package org.convkit.api.signal;

import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.parallel.Parallel;

/**
 * The centred moving average {@code numpy.convolve(x, np.ones(w) / w, 'same')}. Like numpy, when
 * the window is longer than the signal the two are swapped: the output then has {@code w} samples.
 * With {@code m = min(len x, w)} and {@code c = (m - 1) - m / 2}, output {@code i} is the mean over
 * the window {@code x[i + c - w + 1 .. i + c]}, {@code x} being zero outside its bounds.
 *
 * <p>{@link #same} runs in O(N) with a running sum. To keep rounding from drifting over long
 * signals, the sum is recomputed from scratch at the start of every segment of {@value #SEGMENT}
 * outputs (or of {@code w} outputs when the window is longer), so the error stays that of summing a
 * few thousand terms whatever the length; segments are independent, which also lets them run on
 * several threads with results that do not depend on the thread count. {@link #byConvolution} is the
 * literal convolution form, for checking.
 */
public final class MovingAverage {
    static final int SEGMENT = 4096;

    private MovingAverage() {
    }

    /** numpy.convolve(x, ones(window) / window, 'same') by running sum, on one thread. */
    public static DoubleNd same(DoubleNd x, int window) {
        return same(x, window, ConvContext.defaults());
    }

    /**
     * As {@link #same(DoubleNd, int)}. With {@link ConvMethod#AUTO} it uses the running sum on
     * {@code ctx.threads()} threads; any other method computes the convolution form with that method.
     */
    public static DoubleNd same(DoubleNd x, int window, ConvContext ctx) {
        validate(x, window);
        if (ctx.method() != ConvMethod.AUTO) {
            DoubleNd box = box(window);
            boolean swap = window > x.shape().dim(0);
            return (DoubleNd) Convolution.apply(swap ? box : x, swap ? x : box, ConvSpec.convolve(ConvMode.SAME), ctx);
        }
        double[] xs = x.offset() == 0 && x.data().length == x.shape().size() ? x.data() : x.toArray();
        int n = xs.length;
        int m = Math.min(n, window);
        int centre = (m - 1) - m / 2;
        double[] y = new double[Math.max(n, window)];
        int segment = Math.max(SEGMENT, window);
        int segments = (y.length + segment - 1) / segment;
        int threads = y.length < 4 * SEGMENT ? 1 : Math.min(ctx.threads(), segments);
        Parallel.forRange(segments, threads, (lo, hi) -> {
            for (int s = lo; s < hi; s++) {
                int from = s * segment;
                runningMean(xs, window, centre, y, from, Math.min(y.length, from + segment));
            }
        });
        return DoubleNd.vector(y);
    }

    /** The convolution form: {@code Convolution.numpyConvolve(x, ones(window) / window, SAME)}. */
    public static DoubleNd byConvolution(DoubleNd x, int window) {
        validate(x, window);
        return Convolution.numpyConvolve(x, box(window), ConvMode.SAME);
    }

    /** {@code y[i]} for {@code i} in {@code [from, to)}: one exact window sum, then running updates. */
    private static void runningMean(double[] x, int w, int centre, double[] y, int from, int to) {
        int n = x.length;
        double inv = 1.0 / w;
        int top = from + centre;
        double sum = 0;
        for (int t = Math.max(0, top - w + 1); t <= Math.min(n - 1, top); t++) {
            sum += x[t];
        }
        y[from] = sum * inv;
        // Step i adds x[i + centre] and drops x[i + centre - w]; both exist for i in [fastLo, fastHi).
        int fastLo = Math.max(from + 1, Math.min(to, w - centre));
        int fastHi = Math.max(fastLo, Math.min(to, n - centre));
        int i = from + 1;
        for (; i < fastLo; i++) {
            sum += at(x, i + centre) - at(x, i + centre - w);
            y[i] = sum * inv;
        }
        for (; i < fastHi; i++) {
            sum += x[i + centre] - x[i + centre - w];
            y[i] = sum * inv;
        }
        for (; i < to; i++) {
            sum += at(x, i + centre) - at(x, i + centre - w);
            y[i] = sum * inv;
        }
    }

    private static double at(double[] x, int t) {
        return t >= 0 && t < x.length ? x[t] : 0.0;
    }

    private static DoubleNd box(int window) {
        double[] k = new double[window];
        Arrays.fill(k, 1.0 / window);
        return DoubleNd.vector(k);
    }

    private static void validate(DoubleNd x, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("moving-average window must be >= 1, got " + window);
        }
        if (x.shape().rank() != 1 || x.shape().size() == 0) {
            throw new IllegalArgumentException("moving average takes a non-empty 1-d signal, got shape " + x.shape());
        }
    }
}
