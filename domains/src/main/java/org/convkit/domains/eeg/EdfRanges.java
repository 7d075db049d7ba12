package org.convkit.domains.eeg;

import java.math.RoundingMode;
import java.util.regex.Pattern;

/** The physical and digital range a writer gives a channel: {@code {pmin, pmax, dmin, dmax}} as header texts. */
final class EdfRanges {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,8}");

    private EdfRanges() {
    }

    /**
     * The range {@code text} ({@code "pmin pmax dmin dmax"}, as {@link EdfReader} keeps it) when it
     * is valid for {@code kind} and every value of {@code x} lies within it (half a step outside is
     * allowed: that is still the nearest code), else null.
     */
    static String[] reusable(String text, double[] x, EdfKind kind) {
        if (text == null) {
            return null;
        }
        String[] t = text.strip().split("\\s+");
        if (t.length != 4 || !DECIMAL.matcher(t[0]).matches() || !DECIMAL.matcher(t[1]).matches()
                || t[0].length() > 8 || t[1].length() > 8 || !INTEGER.matcher(t[2]).matches()
                || !INTEGER.matcher(t[3]).matches()) {
            return null;
        }
        double pmin = Double.parseDouble(t[0]);
        double pmax = Double.parseDouble(t[1]);
        long dmin = Long.parseLong(t[2]);
        long dmax = Long.parseLong(t[3]);
        if (pmin == pmax || dmin >= dmax || dmin < kind.digitalMin || dmax > kind.digitalMax) {
            return null;
        }
        double half = Math.abs(pmax - pmin) / (dmax - dmin) / 2;
        double lo = Math.min(pmin, pmax) - half;
        double hi = Math.max(pmin, pmax) + half;
        for (double v : x) {
            if (v < lo || v > hi) {
                return null;
            }
        }
        return t;
    }

    /**
     * The data's minimum and maximum, rounded outwards to fit 8 characters, over {@code kind}'s full
     * digital range; a constant channel gets {@code [v, v + 1]} so that the range is not empty.
     *
     * @throws IllegalArgumentException when a value needs more than 8 characters
     */
    static String[] fromData(double[] x, EdfKind kind) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        String pmin = EdfFields.number8(lo, RoundingMode.FLOOR);
        String pmax = EdfFields.number8(hi, RoundingMode.CEILING);
        if (Double.parseDouble(pmin) == Double.parseDouble(pmax)) {
            pmax = EdfFields.number8(Double.parseDouble(pmin) + 1, RoundingMode.CEILING);
        }
        return new String[] {pmin, pmax, Integer.toString(kind.digitalMin), Integer.toString(kind.digitalMax)};
    }
}
