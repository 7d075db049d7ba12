package org.convkit.cli.conformance;

import java.util.Map;
import org.convkit.api.signal.MovingAverage;

/**
 * Handler for {@code moving_average} (numpy.convolve(x, ones(w)/w, 'same')).
 */
final class SignalHandlers {

    private SignalHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "moving_average", c -> Map.of("y", GoldenArray.of(
                MovingAverage.same(c.input("x").toDoubleNd(), c.param().integer("window")))));
    }
}
