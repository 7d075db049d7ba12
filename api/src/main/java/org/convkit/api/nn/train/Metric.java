package org.convkit.api.nn.train;

import java.util.Locale;

/** A metric early stopping and best-epoch tracking can watch, and which way is better. */
public enum Metric {
    /** The mean loss: lower is better. */
    LOSS(false),
    /** The fraction classified correctly: higher is better. */
    ACCURACY(true);

    private final boolean rises;

    Metric(boolean rises) {
        this.rises = rises;
    }

    /** Whether a higher value is better. */
    public boolean rises() {
        return rises;
    }

    /** Whether {@code value} beats {@code best} by more than {@code minDelta}; any value beats a NaN best. */
    public boolean improves(double value, double best, double minDelta) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(value);
        }
        return rises ? value > best + minDelta : value < best - minDelta;
    }

    /** The metric named {@code loss} or {@code accuracy} (any case). */
    public static Metric parse(String name) {
        for (Metric m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; expected loss or accuracy");
    }

    /** The lower-case name, as {@link #parse} reads it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
