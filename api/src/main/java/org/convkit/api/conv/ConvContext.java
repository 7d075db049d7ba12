package org.convkit.api.conv;

/**
 * How to run a computation: the algorithm and the number of threads. Travels with the call; there
 * is no global tuning state. Results do not depend on {@code threads}.
 */
public record ConvContext(ConvMethod method, int threads) {

    public ConvContext {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Automatic method choice, one thread. */
    public static ConvContext defaults() {
        return new ConvContext(ConvMethod.AUTO, 1);
    }

    public static ConvContext of(ConvMethod method) {
        return new ConvContext(method, 1);
    }

    public ConvContext withThreads(int n) {
        return new ConvContext(method, n);
    }

    public ConvContext withMethod(ConvMethod m) {
        return new ConvContext(m, threads);
    }
}
