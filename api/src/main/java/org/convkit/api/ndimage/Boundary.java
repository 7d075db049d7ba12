package org.convkit.api.ndimage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a filter sees the input beyond its edges, as scipy.ndimage's {@code mode} argument. For an
 * input {@code a b c d}: {@link #REFLECT} gives {@code d c b a | a b c d | d c b a}, {@link #MIRROR}
 * {@code d c b | a b c d | c b a}, {@link #NEAREST} {@code a a a | a b c d | d d d}, {@link #WRAP}
 * {@code a b c d | a b c d | a b c d}, {@link #CONSTANT} a fixed value. The rules repeat
 * periodically, so padding wider than the input works as in scipy.
 */
public enum Boundary {
    REFLECT,
    CONSTANT,
    NEAREST,
    MIRROR,
    WRAP;

    /** Parses a scipy mode name ({@code reflect, constant, nearest, mirror, wrap}), case-insensitively. */
    public static Boundary parse(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        for (Boundary b : values()) {
            if (b.name().equals(t)) {
                return b;
            }
        }
        throw new IllegalArgumentException("boundary mode '" + s + "' is not one of "
                + Arrays.stream(values()).map(b -> b.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /**
     * The index of the input element seen at index {@code i} of an axis of length {@code n}
     * ({@code n >= 1}); {@code -1} when {@code i} is outside and the value is the constant.
     */
    public int source(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (this) {
            case CONSTANT -> -1;
            case NEAREST -> i < 0 ? 0 : n - 1;
            case WRAP -> Math.floorMod(i, n);
            case REFLECT -> {
                int m = Math.floorMod(i, 2 * n);
                yield m < n ? m : 2 * n - 1 - m;
            }
            case MIRROR -> {
                if (n == 1) {
                    yield 0;
                }
                int m = Math.floorMod(i, 2 * n - 2);
                yield m < n ? m : 2 * n - 2 - m;
            }
        };
    }
}
