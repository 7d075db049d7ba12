package org.convkit.api.conv;

import java.util.Locale;

/** Output size rule, as numpy/scipy name them. */
public enum ConvMode {
    /** Only positions where the kernel fits inside the input: {@code N - K + 1}. */
    VALID,
    /** The input's size, centred on the full result (see {@link SameAlignment}). */
    SAME,
    /** Every position where kernel and input overlap: {@code N + K - 1}. */
    FULL;

    /** Parses {@code valid|same|full}, case-insensitively. */
    public static ConvMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode '" + s + "' is not one of valid, same, full");
        }
    }
}
