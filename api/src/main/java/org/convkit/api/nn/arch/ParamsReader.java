package org.convkit.api.nn.arch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convkit.api.nn.Padding;

/**
 * Reads the bracket parameters of one layer letter: numbers first (by position), then named ones.
 *
 * <pre>
 * C[filters, kernel, k&lt;kernel&gt;, s&lt;stride&gt;, p&lt;padding&gt;, same, valid, d&lt;dilation&gt;, g&lt;groups&gt;, nobias]
 * P[kernel, stride, k&lt;kernel&gt;, s&lt;stride&gt;, p&lt;padding&gt;]   A[...] the same
 * F[units, nobias]   D[p]   R[negative slope]   B, G take none
 * </pre>
 */
final class ParamsReader {
    /** The largest size, count or stride accepted: larger ones are typing mistakes, not networks. */
    static final int MAX_INT = 1_000_000;

    /** One comma-separated item inside the brackets and its 1-based position. */
    record Token(String text, int position) {
    }

    private final String notation;
    private final char letter;
    private Integer filters;
    private Integer kernel;
    private Integer stride;
    private Padding padding;
    private Integer dilation;
    private Integer groups;
    private Integer units;
    private boolean bias = true;
    private Double rate;
    private final List<String> canonical = new ArrayList<>();

    private ParamsReader(String notation, char letter) {
        this.notation = notation;
        this.letter = letter;
    }

    /** The parameters of {@code letter} (one of {@code CRPAGFDB}); {@code bracket} is the position of its '['. */
    static Params read(String notation, char letter, int bracket, List<Token> tokens) {
        if (letter == 'B' || letter == 'G') {
            throw new NotationException(notation, bracket, letter + " takes no parameters, got '['");
        }
        ParamsReader r = new ParamsReader(notation, letter);
        int positional = 0;
        boolean named = false;
        for (Token t : tokens) {
            String text = t.text().toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '.')) {
                if (named) {
                    throw r.error(t, "numbers come before named parameters");
                }
                r.positional(positional++, t);
            } else {
                named = true;
                r.named(t, text);
            }
        }
        return new Params(r.filters, r.kernel, r.stride, r.padding, r.dilation, r.groups, r.units, r.bias, r.rate,
                r.canonical);
    }

    private void positional(int index, Token t) {
        switch (letter) {
            case 'C' -> {
                if (index == 0) {
                    filters = integer(t, 1);
                } else if (index == 1) {
                    kernel = set(kernel, t, integer(t, 1), "kernel");
                } else {
                    throw error(t, "too many numbers");
                }
            }
            case 'P', 'A' -> {
                if (index == 0) {
                    kernel = set(kernel, t, integer(t, 1), "kernel");
                } else if (index == 1) {
                    stride = set(stride, t, integer(t, 1), "stride");
                } else {
                    throw error(t, "too many numbers");
                }
            }
            case 'F' -> {
                if (index > 0) {
                    throw error(t, "too many numbers");
                }
                units = integer(t, 1);
            }
            case 'D', 'R' -> {
                if (index > 0) {
                    throw error(t, "too many numbers");
                }
                rate = fraction(t);
            }
            default -> throw new IllegalStateException("no parameters for " + letter);
        }
    }

    private void named(Token t, String text) {
        boolean conv = letter == 'C';
        boolean pool = letter == 'P' || letter == 'A';
        if ((conv || letter == 'F') && text.equals("nobias")) {
            if (!bias) {
                throw error(t, "nobias given twice");
            }
            bias = false;
            canonical.add(text);
        } else if (conv && (text.equals("same") || text.equals("valid"))) {
            padding = set(padding, t, text.equals("same") ? Padding.same() : Padding.valid(), "padding");
            canonical.add(text);
        } else if (text.length() > 1 && ((conv || pool) && "ksp".indexOf(text.charAt(0)) >= 0
                || conv && "dg".indexOf(text.charAt(0)) >= 0)) {
            int v = integer(new Token(text.substring(1), t.position() + 1), text.charAt(0) == 'p' ? 0 : 1);
            switch (text.charAt(0)) {
                case 'k' -> kernel = set(kernel, t, v, "kernel");
                case 's' -> stride = set(stride, t, v, "stride");
                case 'p' -> padding = set(padding, t, Padding.of(v), "padding");
                case 'd' -> dilation = set(dilation, t, v, "dilation");
                default -> groups = set(groups, t, v, "groups");
            }
            canonical.set(canonical.size() - 1, text.charAt(0) + canonical.get(canonical.size() - 1));
        } else {
            throw error(t, "expected " + syntax());
        }
    }

    private <T> T set(T old, Token t, T value, String what) {
        if (old != null) {
            throw error(t, what + " given twice");
        }
        return value;
    }

    /** A whole number in [min, MAX_INT], appended to the canonical list. */
    private int integer(Token t, int min) {
        String s = t.text();
        if (s.isEmpty() || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw error(t, "expected a whole number");
        }
        String digits = s.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 7 || Integer.parseInt(digits) > MAX_INT || Integer.parseInt(digits) < min) {
            throw new NotationException(notation, t.position(), "expected a whole number from " + min + " to "
                    + MAX_INT + ", got '" + s + "'");
        }
        canonical.add(digits);
        return Integer.parseInt(digits);
    }

    /** A decimal in [0, 1), appended to the canonical list in its shortest form. */
    private double fraction(Token t) {
        String what = letter == 'D' ? "a drop probability" : "a negative slope";
        double v;
        try {
            if (!t.text().matches("[0-9]*\\.?[0-9]*")) {
                throw new NumberFormatException(t.text());
            }
            v = Double.parseDouble(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "expected " + what + " in [0, 1)");
        }
        if (!(v >= 0 && v < 1)) {
            throw error(t, "expected " + what + " in [0, 1)");
        }
        canonical.add(decimal(v));
        return v;
    }

    /** The shortest plain decimal that reads back as {@code v}: {@code 0.5}, {@code 0.01}, {@code 0}. */
    static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private NotationException error(Token t, String what) {
        return new NotationException(notation, t.position(), what + " in " + letter + "[...], got '" + t.text() + "'");
    }

    private String syntax() {
        return switch (letter) {
            case 'C' -> "filters, kernel, k<kernel>, s<stride>, p<padding>, same, valid, d<dilation>, g<groups> or nobias";
            case 'P', 'A' -> "kernel, stride, k<kernel>, s<stride> or p<padding>";
            case 'F' -> "units or nobias";
            case 'D' -> "a drop probability";
            default -> "a negative slope";
        };
    }
}
