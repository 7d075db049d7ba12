package org.convkit.api.signal;

import java.util.Arrays;

/**
 * A rational transfer function {@code H(z) = B(z) / A(z)} in scipy's (b, a) convention:
 * {@code B(z) = b[0] + b[1] z^-1 + ... + b[M] z^-M}, likewise for {@code A}, i.e. the difference
 * equation {@code sum_k a[k] y[n-k] = sum_k b[k] x[n-k]}. The arrays are copied in and out.
 *
 * @param b numerator coefficients, highest power of z first, at least one
 * @param a denominator coefficients, at least one, not all zero
 */
public record TransferFunction(double[] b, double[] a) {

    public TransferFunction {
        b = check("b", b).clone();
        a = check("a", a).clone();
        boolean nonZero = false;
        for (double v : a) {
            nonZero |= v != 0;
        }
        if (!nonZero) {
            throw new IllegalArgumentException("denominator a = " + Arrays.toString(a) + " has no nonzero coefficient");
        }
    }

    private static double[] check(String name, double[] c) {
        if (c == null || c.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one coefficient, got "
                    + (c == null ? "null" : "none"));
        }
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + c[i] + " is not finite");
            }
        }
        return c;
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferFunction t && Arrays.equals(b, t.b) && Arrays.equals(a, t.a);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(b) + Arrays.hashCode(a);
    }

    @Override
    public String toString() {
        return "TransferFunction[b=" + Arrays.toString(b) + ", a=" + Arrays.toString(a) + "]";
    }
}
