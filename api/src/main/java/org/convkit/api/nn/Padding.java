package org.convkit.api.nn;

import java.util.Arrays;

/**
 * The zero padding of a convolution layer: explicit per-axis amounts (the same on both sides, as
 * PyTorch's {@code padding=int}), {@code valid} (none) or {@code same}. For stride 1, {@code same}
 * pads {@code d (k - 1)} in total with the odd sample on the right (PyTorch); for larger strides it
 * is TensorFlow's rule: output {@code ceil(n / s)}, total padding
 * {@code max((ceil(n / s) - 1) s + d (k - 1) + 1 - n, 0)}, the odd sample on the right.
 */
public record Padding(Kind kind, int[] amounts) {

    public enum Kind { EXPLICIT, VALID, SAME }

    public Padding {
        if (kind == Kind.EXPLICIT) {
            amounts = amounts.clone();
            for (int a : amounts) {
                if (a < 0) {
                    throw new IllegalArgumentException("padding must be non-negative, got " + Arrays.toString(amounts));
                }
            }
        } else {
            amounts = new int[0];
        }
    }

    public static Padding of(int... amounts) {
        return new Padding(Kind.EXPLICIT, amounts);
    }

    public static Padding valid() {
        return new Padding(Kind.VALID, new int[0]);
    }

    public static Padding same() {
        return new Padding(Kind.SAME, new int[0]);
    }

    @Override
    public int[] amounts() {
        return amounts.clone();
    }

    /** The explicit amount for {@code axis} of a {@code rank}-d layer (one value broadcasts). */
    public int amount(int axis, int rank) {
        if (kind != Kind.EXPLICIT) {
            return 0;
        }
        return amounts.length == 1 ? amounts[0] : amounts[axis];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Padding p && p.kind == kind && Arrays.equals(p.amounts, amounts);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(amounts);
    }

    @Override
    public String toString() {
        return kind == Kind.EXPLICIT ? Arrays.toString(amounts) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
