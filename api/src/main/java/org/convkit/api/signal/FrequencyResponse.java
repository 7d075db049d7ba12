package org.convkit.api.signal;

import java.util.Arrays;
import org.apache.commons.math3.complex.Complex;

/**
 * A frequency response: {@code H(e^{iw}) = B(e^{-iw}) / A(e^{-iw})} at the given frequencies.
 * Arrays are copied in and out.
 *
 * @param frequencies the frequencies, in Hz
 * @param re          real parts of H
 * @param im          imaginary parts of H
 */
public record FrequencyResponse(double[] frequencies, double[] re, double[] im) {

    public FrequencyResponse {
        if (frequencies.length != re.length || re.length != im.length) {
            throw new IllegalArgumentException("frequencies (" + frequencies.length + "), real parts (" + re.length
                    + ") and imaginary parts (" + im.length + ") must have the same length");
        }
        frequencies = frequencies.clone();
        re = re.clone();
        im = im.clone();
    }

    /**
     * scipy.signal.freqz(b, a, worN=n, fs=fs) with {@code whole=False}: the response at the
     * {@code n} frequencies {@code linspace(0, fs/2, n, endpoint=False)}, each polynomial evaluated
     * by Horner's rule in {@code e^{-iw}} (numpy.polynomial.polynomial.polyval).
     *
     * @param n  number of frequencies, at least 1
     * @param fs sampling rate in Hz, positive
     */
    public static FrequencyResponse freqz(double[] b, double[] a, int n, double fs) {
        TransferFunction tf = new TransferFunction(b, a);
        if (n < 1) {
            throw new IllegalArgumentException("freqz needs at least 1 frequency, got n = " + n);
        }
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("sampling rate fs must be positive and finite, got " + fs);
        }
        double[] bb = tf.b();
        double[] aa = tf.a();
        double[] f = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        double step = Math.PI / n;
        double[] num = new double[2];
        double[] den = new double[2];
        for (int i = 0; i < n; i++) {
            double w = i * step;
            double xr = Math.cos(w);
            double xi = -Math.sin(w);
            polyval(bb, xr, xi, num);
            polyval(aa, xr, xi, den);
            Complex h = Polynomials.divide(
                    new Complex(num[0], num[1]),
                    new Complex(den[0], den[1]));
            re[i] = h.getReal();
            im[i] = h.getImaginary();
            f[i] = w * fs / (2 * Math.PI);
        }
        return new FrequencyResponse(f, re, im);
    }

    /** {@code c[0] + c[1] x + ... + c[m] x^m} at complex {@code x}, into {@code out}. */
    private static void polyval(double[] c, double xr, double xi, double[] out) {
        double sr = c[c.length - 1];
        double si = 0;
        for (int k = c.length - 2; k >= 0; k--) {
            double tr = sr * xr - si * xi;
            double ti = sr * xi + si * xr;
            sr = c[k] + tr;
            si = ti;
        }
        out[0] = sr;
        out[1] = si;
    }

    /** {@code |H|} at each frequency. */
    public double[] magnitude() {
        double[] m = new double[re.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.hypot(re[i], im[i]);
        }
        return m;
    }

    @Override
    public double[] frequencies() {
        return frequencies.clone();
    }

    @Override
    public double[] re() {
        return re.clone();
    }

    @Override
    public double[] im() {
        return im.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrequencyResponse r && Arrays.equals(frequencies, r.frequencies) && Arrays.equals(re, r.re)
                && Arrays.equals(im, r.im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(frequencies) + Arrays.hashCode(re)) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "FrequencyResponse[" + frequencies.length + " frequencies]";
    }
}
