package org.convkit.cli.conformance;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of op handlers: one {@code register} line per family.
 */
public final class OpHandlers {

    private OpHandlers() {
    }

    /** Every handler available in this build, by op name. */
    public static Map<String, OpHandler> standard() {
        Map<String, OpHandler> m = new TreeMap<>();
        ConvolutionHandlers.register(m);
        SignalHandlers.register(m);
        NdImageHandlers.register(m);
        FilterHandlers.register(m);
        DesignHandlers.register(m);
        SpectralHandlers.register(m);
        NnLayerHandlers.register(m);
        NnOptimHandlers.register(m);
        return Collections.unmodifiableMap(m);
    }

    /** Adds {@code h} for {@code op}, refusing a second handler for the same op. */
    static void put(Map<String, OpHandler> m, String op, OpHandler h) {
        if (m.putIfAbsent(op, h) != null) {
            throw new IllegalStateException("two handlers for op '" + op + "'");
        }
    }
}
