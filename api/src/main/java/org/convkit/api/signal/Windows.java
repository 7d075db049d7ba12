package org.convkit.api.signal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Spectral-analysis windows, computed as scipy.signal.windows does: a generalised cosine
 * {@code w = a0 + a1 cos(fac)} with {@code fac = linspace(-pi, pi, M)}. A <em>symmetric</em> window
 * of length {@code n} uses {@code M = n}; a <em>periodic</em> one (for spectral analysis, scipy's
 * {@code sym=False}, torch's {@code periodic=True}) computes {@code M = n + 1} points and drops the
 * last. scipy.signal.get_window(name, n) and torch.hann_window(n) are periodic by default.
 */
public final class Windows {

    /** The windows known by name. */
    public enum Kind {
        /** {@code 0.5 + 0.5 cos(fac)}, the raised cosine. */
        HANN,
        /** {@code 0.54 + 0.46 cos(fac)}. */
        HAMMING,
        /** All ones (scipy's boxcar, torch's default rectangular window). */
        BOXCAR;

        /**
         * The window named {@code name} as scipy.signal.get_window spells it: "hann" (also "han" and
         * "hanning"), "hamming", "boxcar" (also "box", "ones", "rect", "rectangular"); case-insensitive.
         */
        public static Kind parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "hann", "hanning", "han" -> HANN;
                case "hamming", "hamm", "ham" -> HAMMING;
                case "boxcar", "box", "ones", "rect", "rectangular" -> BOXCAR;
                default -> throw new IllegalArgumentException("unknown window '" + name
                        + "': expected hann, hamming or boxcar (rectangular)");
            };
        }
    }

    private Windows() {
    }

    /** The Hann window of {@code n} points; periodic as scipy's {@code sym=False}. */
    public static double[] hann(int n, boolean periodic) {
        return generalCosine(n, 0.5, periodic);
    }

    /** The Hamming window of {@code n} points; periodic as scipy's {@code sym=False}. */
    public static double[] hamming(int n, boolean periodic) {
        return generalCosine(n, 0.54, periodic);
    }

    /** {@code n} ones. */
    public static double[] boxcar(int n) {
        checkLength(n);
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    /** {@code kind} with {@code n} points, periodic or symmetric. */
    public static double[] of(Kind kind, int n, boolean periodic) {
        return switch (kind) {
            case HANN -> hann(n, periodic);
            case HAMMING -> hamming(n, periodic);
            case BOXCAR -> boxcar(n);
        };
    }

    /** scipy.signal.get_window(name, n): the named window, periodic (fftbins=True). */
    public static double[] get(String name, int n) {
        return of(Kind.parse(name), n, true);
    }

    /** {@code alpha + (1 - alpha) cos(fac)} as scipy.signal.windows.general_hamming. */
    private static double[] generalCosine(int n, double alpha, boolean periodic) {
        checkLength(n);
        if (n == 1) {
            return new double[] {1.0};
        }
        int m = periodic ? n + 1 : n;
        // numpy.linspace(-pi, pi, m): start + i * step, the last point set to stop exactly.
        double step = 2 * Math.PI / (m - 1);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double fac = i == m - 1 ? Math.PI : i * step - Math.PI;
            w[i] = alpha + (1 - alpha) * Math.cos(fac);
        }
        return w;
    }

    private static void checkLength(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be >= 1, got " + n);
        }
    }
}
