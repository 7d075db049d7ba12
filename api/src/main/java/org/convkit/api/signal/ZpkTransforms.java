package org.convkit.api.signal;

import java.util.Arrays;
import org.apache.commons.math3.complex.Complex;

/**
 * scipy.signal's zero-pole-gain frequency transformations ({@code lp2lp_zpk}, {@code lp2hp_zpk},
 * {@code lp2bp_zpk}, {@code lp2bs_zpk}) and {@code bilinear_zpk}, with scipy's ordering of the
 * resulting zeros and poles.
 */
final class ZpkTransforms {

    private ZpkTransforms() {
    }

    /** Low-pass to low-pass with cutoff {@code wo} (rad/s). */
    static ZeroPoleGain lp2lp(ZeroPoleGain f, double wo) {
        Complex[] z = scale(f.zeros(), wo);
        Complex[] p = scale(f.poles(), wo);
        int degree = p.length - z.length;
        return new ZeroPoleGain(z, p, f.gain() * Math.pow(wo, degree));
    }

    /** Low-pass to high-pass with cutoff {@code wo}. */
    static ZeroPoleGain lp2hp(ZeroPoleGain f, double wo) {
        Complex[] z0 = f.zeros();
        Complex[] p0 = f.poles();
        int degree = p0.length - z0.length;
        Complex[] z = Arrays.copyOf(invert(z0, wo), z0.length + degree);
        Arrays.fill(z, z0.length, z.length, Complex.ZERO);
        double k = f.gain() * Polynomials.divide(Polynomials.product(negate(z0)), Polynomials.product(negate(p0))).getReal();
        return new ZeroPoleGain(z, invert(p0, wo), k);
    }

    /** Low-pass to band-pass with centre {@code wo} and width {@code bw}. */
    static ZeroPoleGain lp2bp(ZeroPoleGain f, double wo, double bw) {
        Complex[] z0 = f.zeros();
        Complex[] p0 = f.poles();
        int degree = p0.length - z0.length;
        Complex[] z = Arrays.copyOf(splitBand(scale(z0, bw / 2), wo), 2 * z0.length + degree);
        Arrays.fill(z, 2 * z0.length, z.length, Complex.ZERO);
        Complex[] p = splitBand(scale(p0, bw / 2), wo);
        return new ZeroPoleGain(z, p, f.gain() * Math.pow(bw, degree));
    }

    /** Low-pass to band-stop with centre {@code wo} and width {@code bw}. */
    static ZeroPoleGain lp2bs(ZeroPoleGain f, double wo, double bw) {
        Complex[] z0 = f.zeros();
        Complex[] p0 = f.poles();
        int degree = p0.length - z0.length;
        Complex[] z = Arrays.copyOf(splitBand(invert(z0, bw / 2), wo), 2 * z0.length + 2 * degree);
        Arrays.fill(z, 2 * z0.length, 2 * z0.length + degree, new Complex(0, wo));
        Arrays.fill(z, 2 * z0.length + degree, z.length, new Complex(0, -wo));
        Complex[] p = splitBand(invert(p0, bw / 2), wo);
        double k = f.gain() * Polynomials.divide(Polynomials.product(negate(z0)), Polynomials.product(negate(p0))).getReal();
        return new ZeroPoleGain(z, p, k);
    }

    /** Bilinear transform with sampling rate {@code fs}: {@code z = (2fs + s) / (2fs - s)}. */
    static ZeroPoleGain bilinear(ZeroPoleGain f, double fs) {
        Complex[] z0 = f.zeros();
        Complex[] p0 = f.poles();
        int degree = p0.length - z0.length;
        double fs2 = 2.0 * fs;
        Complex[] z = Arrays.copyOf(mapBilinear(z0, fs2), z0.length + degree);
        Arrays.fill(z, z0.length, z.length, new Complex(-1, 0));
        Complex num = Polynomials.product(subtractFrom(fs2, z0));
        Complex den = Polynomials.product(subtractFrom(fs2, p0));
        double k = f.gain() * Polynomials.divide(num, den).getReal();
        return new ZeroPoleGain(z, mapBilinear(p0, fs2), k);
    }

    private static Complex[] scale(Complex[] v, double s) {
        Complex[] r = new Complex[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = new Complex(v[i].getReal() * s, v[i].getImaginary() * s);
        }
        return r;
    }

    /** {@code s / v}, elementwise, as numpy divides a real by a complex. */
    private static Complex[] invert(Complex[] v, double s) {
        Complex[] r = new Complex[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Polynomials.divide(new Complex(s, 0), v[i]);
        }
        return r;
    }

    private static Complex[] negate(Complex[] v) {
        Complex[] r = new Complex[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].negate();
        }
        return r;
    }

    private static Complex[] subtractFrom(double s, Complex[] v) {
        Complex[] r = new Complex[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = new Complex(s - v[i].getReal(), -v[i].getImaginary());
        }
        return r;
    }

    /** {@code v +- sqrt(v^2 - wo^2)}: all the "+" roots, then all the "-" roots. */
    private static Complex[] splitBand(Complex[] v, double wo) {
        Complex[] r = new Complex[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            Complex sq = v[i].multiply(v[i]);
            Complex root = new Complex(sq.getReal() - wo * wo, sq.getImaginary()).sqrt();
            r[i] = v[i].add(root);
            r[v.length + i] = v[i].subtract(root);
        }
        return r;
    }

    private static Complex[] mapBilinear(Complex[] v, double fs2) {
        Complex[] r = new Complex[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Polynomials.divide(new Complex(fs2 + v[i].getReal(), v[i].getImaginary()),
                    new Complex(fs2 - v[i].getReal(), -v[i].getImaginary()));
        }
        return r;
    }
}
