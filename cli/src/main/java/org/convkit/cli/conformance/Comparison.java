package org.convkit.cli.conformance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.convkit.api.nd.Shape;

/**
 * Element-wise comparison of computed outputs with a case's expected arrays:
 * {@code abs(got - want) <= atol + rtol * abs(want)} (complex magnitudes for complex arrays), NaN
 * matching only NaN and an infinity only the same infinity. Every expected array must be produced,
 * with the same shape; extra outputs are ignored.
 */
public final class Comparison {

    private Comparison() {
    }

    /** The first disagreement, as one line, or empty when every expected array matches. */
    public static Optional<String> firstMismatch(GoldenCase c, Map<String, GoldenArray> got) {
        for (Map.Entry<String, GoldenArray> e : c.expected().entrySet()) {
            String name = e.getKey();
            GoldenArray want = e.getValue();
            GoldenArray g = got.get(name);
            if (g == null) {
                return Optional.of("no output '" + name + "' (computed: " + got.keySet() + ")");
            }
            if (!Arrays.equals(g.shape(), want.shape())) {
                return Optional.of(name + ": shape " + Shape.of(g.shape()) + " but expected " + Shape.of(want.shape()));
            }
            if (want.isComplex() != g.isComplex() && want.isComplex()) {
                return Optional.of(name + ": real result but expected a complex one");
            }
            Optional<String> bad = firstBadElement(name, g, want, c.rtol(), c.atol());
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstBadElement(String name, GoldenArray got, GoldenArray want, double rtol,
                                                    double atol) {
        double[] gr = got.re();
        double[] wr = want.re();
        double[] gi = got.im();
        double[] wi = want.im();
        for (int i = 0; i < wr.length; i++) {
            double gim = gi == null ? 0 : gi[i];
            double wim = wi == null ? 0 : wi[i];
            if (!close(gr[i], gim, wr[i], wim, rtol, atol)) {
                return Optional.of(String.format(Locale.ROOT, "%s%s: got %s want %s (tolerance atol %s + rtol %s)",
                        name, index(want.shape(), i), value(gr[i], gim, want.isComplex()),
                        value(wr[i], wim, want.isComplex()), atol, rtol));
            }
        }
        return Optional.empty();
    }

    static boolean close(double gr, double gi, double wr, double wi, double rtol, double atol) {
        if (Double.isNaN(wr) || Double.isNaN(wi)) {
            return (Double.isNaN(wr) == Double.isNaN(gr)) && (Double.isNaN(wi) == Double.isNaN(gi))
                    && (Double.isNaN(wr) || wr == gr) && (Double.isNaN(wi) || wi == gi);
        }
        if (Double.isInfinite(wr) || Double.isInfinite(wi)) {
            return wr == gr && wi == gi;
        }
        double diff = Math.hypot(gr - wr, gi - wi);
        return diff <= atol + rtol * Math.hypot(wr, wi); // false for a NaN diff
    }

    private static String value(double re, double im, boolean complex) {
        return complex ? re + (im < 0 ? "" : "+") + im + "j" : Double.toString(re);
    }

    /** The multi-index of a flat row-major index, as {@code [i, j]}; empty for a scalar. */
    private static String index(int[] shape, int flat) {
        if (shape.length == 0) {
            return "";
        }
        int[] idx = new int[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = shape[a] == 0 ? 0 : flat % shape[a];
            flat = shape[a] == 0 ? 0 : flat / shape[a];
        }
        return Arrays.toString(idx);
    }
}
