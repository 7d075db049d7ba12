package org.convkit.api.signal;

import java.util.function.UnaryOperator;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/** Applies a 1-d operation to every row (channel) along the last axis, rows in parallel. */
final class Channels {
    private Channels() {
    }

    /** {@code op} must return a row of the same length and depend only on its input row. */
    static DoubleNd map(DoubleNd x, ConvContext ctx, UnaryOperator<DoubleNd> op) {
        Shape s = x.shape();
        if (s.rank() == 0) {
            throw new IllegalArgumentException("a signal needs a time axis, got a scalar");
        }
        if (s.rank() == 1) {
            return op.apply(x);
        }
        int t = s.dim(s.rank() - 1);
        int rows = t == 0 ? 0 : s.size() / t;
        DoubleNd flat = x.reshape(Shape.of(rows, t));
        double[] out = new double[s.size()];
        Parallel.forRange(rows, ctx.threads(), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                DoubleNd y = op.apply(flat.slice(r));
                System.arraycopy(y.data(), y.offset(), out, r * t, t);
            }
        });
        return DoubleNd.of(s, out);
    }
}
