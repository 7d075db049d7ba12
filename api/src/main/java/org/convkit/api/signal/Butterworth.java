package org.convkit.api.signal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.complex.Complex;

/**
 * Digital Butterworth filters as scipy.signal.butter(N, Wn, btype, fs=fs) designs them: the analog
 * prototype {@code buttap(N)}, the low/high/band-pass/band-stop transformation at the pre-warped
 * cutoffs {@code 4 tan(pi Wn / 2)} (Wn normalised to Nyquist), and the bilinear transform with
 * {@code fs = 2}. Results as zeros/poles/gain, as (b, a) ({@code output='ba'}) or as second-order
 * sections ({@code output='sos'}, pairing 'nearest').
 *
 * <p>(b, a) is numerically fragile for high orders and narrow bands: the polynomial coefficients
 * no longer determine the poles to working precision, and the filter can even become unstable.
 * {@link Design#warnings()} reports this (and {@link #ba} logs it through {@link System.Logger});
 * use {@link Design#sections()} then.
 */
public final class Butterworth {
    private static final System.Logger LOG = System.getLogger(Butterworth.class.getName());

    /** Largest distance from a designed pole to the pole recomputed from (b, a) that is still considered safe. */
    public static final double POLE_TOLERANCE = 1e-6;

    private Butterworth() {
    }

    /** The band type, scipy's {@code btype}. */
    public enum Band {
        LOWPASS(1), HIGHPASS(1), BANDPASS(2), BANDSTOP(2);

        private final int cutoffs;

        Band(int cutoffs) {
            this.cutoffs = cutoffs;
        }

        /** How many cutoff frequencies the band type takes. */
        public int cutoffs() {
            return cutoffs;
        }

        /** scipy's names and aliases: lowpass/low/lp, highpass/high/hp, bandpass/band/pass/bp, bandstop/stop/bs. */
        public static Band parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "lowpass", "low", "lp", "l" -> LOWPASS;
                case "highpass", "high", "hp", "h" -> HIGHPASS;
                case "bandpass", "band", "pass", "bp" -> BANDPASS;
                case "bandstop", "stop", "bs", "bands" -> BANDSTOP;
                default -> throw new IllegalArgumentException("unknown band type '" + name
                        + "': expected lowpass, highpass, bandpass or bandstop");
            };
        }
    }

    /**
     * A designed filter.
     *
     * @param order      the prototype order N (band filters have order 2N)
     * @param band       the band type
     * @param cutoffsHz  the cutoff frequencies in Hz
     * @param fs         the sampling rate in Hz
     * @param zpk        the digital zeros, poles and gain
     */
    public record Design(int order, Band band, double[] cutoffsHz, double fs, ZeroPoleGain zpk) {

        public Design {
            cutoffsHz = cutoffsHz.clone();
        }

        @Override
        public double[] cutoffsHz() {
            return cutoffsHz.clone();
        }

        /** (b, a), as scipy's zpk2tf. */
        public TransferFunction transferFunction() {
            return zpk.toTransferFunction();
        }

        /** Second-order sections {@code [b0, b1, b2, 1, a1, a2]}, one row each, as scipy's zpk2sos. */
        public double[][] sections() {
            return SectionPairing.sections(zpk);
        }

        /**
         * Why (b, a) is unsafe for this design, empty when it is safe: a pole recomputed from the
         * denominator lies on or outside the unit circle, or further than {@link #POLE_TOLERANCE}
         * from the designed pole.
         */
        public List<String> warnings() {
            Complex[] designed = zpk.poles();
            Complex[] recomputed = PolynomialRoots.of(transferFunction().a());
            double deviation = PoleMatching.maxDeviation(designed, recomputed);
            double radius = 0;
            for (Complex p : recomputed) {
                radius = Math.max(radius, p.abs());
            }
            String what = String.format(Locale.ROOT, "Butterworth order %d %s %s Hz at fs %s Hz as (b, a)", order,
                    band.name().toLowerCase(Locale.ROOT), Arrays.toString(cutoffsHz), fs);
            if (radius >= 1) {
                return List.of(String.format(Locale.ROOT, "%s is unstable: the denominator has a pole of magnitude %.6f"
                        + " (rounding of the coefficients); use second-order sections", what, radius));
            }
            if (deviation > POLE_TOLERANCE) {
                return List.of(String.format(Locale.ROOT, "%s is numerically unsafe: poles recomputed from the"
                        + " denominator deviate by %.3g from the design (tolerance %.1g); use second-order sections",
                        what, deviation, POLE_TOLERANCE));
            }
            return List.of();
        }
    }

    /**
     * Designs the filter, validating as scipy does.
     *
     * @param order     N >= 1
     * @param cutoffsHz one cutoff for low/high-pass, two (low < high) for band-pass/stop, each in (0, fs/2)
     * @param band      the band type
     * @param fs        sampling rate in Hz, positive
     */
    public static Design design(int order, double[] cutoffsHz, Band band, double fs) {
        if (order < 1) {
            throw new IllegalArgumentException("Butterworth order must be at least 1, got " + order);
        }
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("sampling rate fs must be positive and finite, got " + fs);
        }
        if (cutoffsHz.length != band.cutoffs()) {
            throw new IllegalArgumentException(band.name().toLowerCase(Locale.ROOT) + " takes " + band.cutoffs()
                    + " cutoff frequenc" + (band.cutoffs() == 1 ? "y" : "ies") + ", got " + cutoffsHz.length + ": "
                    + Arrays.toString(cutoffsHz));
        }
        for (double f : cutoffsHz) {
            if (!(f > 0 && f < fs / 2)) {
                throw new IllegalArgumentException("cutoff " + f + " Hz is outside (0, fs/2) = (0, " + fs / 2
                        + ") for fs = " + fs + " Hz");
            }
        }
        if (cutoffsHz.length == 2 && !(cutoffsHz[0] < cutoffsHz[1])) {
            throw new IllegalArgumentException("band edges must be increasing, got " + Arrays.toString(cutoffsHz));
        }
        double[] warped = new double[cutoffsHz.length];
        for (int i = 0; i < warped.length; i++) {
            double wn = 2 * cutoffsHz[i] / fs;
            warped[i] = 2 * 2.0 * Math.tan(Math.PI * wn / 2.0);
        }
        ZeroPoleGain proto = prototype(order);
        ZeroPoleGain analog = switch (band) {
            case LOWPASS -> ZpkTransforms.lp2lp(proto, warped[0]);
            case HIGHPASS -> ZpkTransforms.lp2hp(proto, warped[0]);
            case BANDPASS -> ZpkTransforms.lp2bp(proto, Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
            case BANDSTOP -> ZpkTransforms.lp2bs(proto, Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
        };
        return new Design(order, band, cutoffsHz, fs, ZpkTransforms.bilinear(analog, 2.0));
    }

    /** As {@link #design}, by band name (scipy's {@code btype}). */
    public static Design design(int order, double[] cutoffsHz, String band, double fs) {
        return design(order, cutoffsHz, Band.parse(band), fs);
    }

    /**
     * scipy.signal.butter(order, cutoffsHz, band, fs=fs) as (b, a); logs the design's
     * {@link Design#warnings()} at WARNING level.
     */
    public static TransferFunction ba(int order, double[] cutoffsHz, Band band, double fs) {
        Design d = design(order, cutoffsHz, band, fs);
        for (String w : d.warnings()) {
            LOG.log(System.Logger.Level.WARNING, w);
        }
        return d.transferFunction();
    }

    /** scipy.signal.butter(order, cutoffsHz, band, fs=fs, output='sos'). */
    public static double[][] sos(int order, double[] cutoffsHz, Band band, double fs) {
        return design(order, cutoffsHz, band, fs).sections();
    }

    /** scipy.signal.buttap: poles {@code -exp(i pi m / 2N)}, m = -N+1, -N+3, ..., N-1; no zeros; gain 1. */
    static ZeroPoleGain prototype(int n) {
        Complex[] p = new Complex[n];
        for (int i = 0; i < n; i++) {
            int m = -n + 1 + 2 * i;
            double theta = Math.PI * m * (1.0 / (2 * n));
            p[i] = new Complex(-Math.cos(theta), -Math.sin(theta));
        }
        return new ZeroPoleGain(new Complex[0], p, 1);
    }
}
