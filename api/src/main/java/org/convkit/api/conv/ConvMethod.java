package org.convkit.api.conv;

import java.util.Locale;

/** How a convolution is computed; {@link #AUTO} lets the engines' cost models choose. */
public enum ConvMethod {
    AUTO,
    /** The N-d reference loops in api: slow, the oracle every engine is checked against. */
    REFERENCE,
    DIRECT,
    FFT,
    /** Overlap-add: FFT in blocks, for long inputs with much shorter kernels. */
    OVERLAP_ADD;

    /** Parses {@code auto|reference|direct|fft|oa|overlap-add}. */
    public static ConvMethod parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "auto" -> AUTO;
            case "reference", "ref" -> REFERENCE;
            case "direct" -> DIRECT;
            case "fft" -> FFT;
            case "oa", "overlap-add", "overlap_add" -> OVERLAP_ADD;
            default -> throw new IllegalArgumentException("method '" + s + "' is not one of auto, direct, fft, oa, reference");
        };
    }
}
