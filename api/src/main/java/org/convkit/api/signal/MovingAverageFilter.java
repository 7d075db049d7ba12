package org.convkit.api.signal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;

/**
 * The seed's smoothing: numpy.convolve(x, ones(window) / window, 'same') on each channel
 * ({@link MovingAverage#same}).
 */
public record MovingAverageFilter(int window) implements Filter {
    static final String TYPE = "moving-average";

    public MovingAverageFilter {
        if (window < 1) {
            throw new IllegalArgumentException("moving-average window must be >= 1, got " + window);
        }
    }

    @Override
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        return Channels.map(x, ctx, row -> MovingAverage.same(row, window));
    }

    @Override
    public TransferFunction transferFunction() {
        double[] b = new double[window];
        java.util.Arrays.fill(b, 1.0 / window);
        return new TransferFunction(b, new double[] {1});
    }

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("type", TYPE).put("window", window);
    }

    @Override
    public String describe() {
        return "moving average, window " + window;
    }
}
