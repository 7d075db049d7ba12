package org.convkit.api.signal;

import java.util.Arrays;
import org.apache.commons.math3.complex.Complex;

/**
 * A filter as zeros, poles and gain: {@code H(z) = k * prod(z - zeros) / prod(z - poles)}.
 * Arrays are copied in and out.
 *
 * @param zeros the zeros (may be empty)
 * @param poles the poles (may be empty)
 * @param gain  the gain {@code k}
 */
public record ZeroPoleGain(Complex[] zeros, Complex[] poles, double gain) {

    public ZeroPoleGain {
        zeros = finite("zeros", zeros);
        poles = finite("poles", poles);
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain " + gain + " is not finite");
        }
    }

    private static Complex[] finite(String name, Complex[] v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null || v[i].isNaN() || v[i].isInfinite()) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + " is not a finite complex number");
            }
        }
        return v.clone();
    }

    @Override
    public Complex[] zeros() {
        return zeros.clone();
    }

    @Override
    public Complex[] poles() {
        return poles.clone();
    }

    /**
     * scipy.signal.tf2zpk: zeros, poles and gain of {@code b / a}. As scipy's {@code normalize},
     * leading zeros of {@code a} are dropped, both are divided by {@code a[0]}, and leading
     * numerator coefficients with {@code |b| <= 1e-14} are dropped (keeping at least one); then
     * {@code k = b[0]} and the roots are those of numpy.roots ({@link PolynomialRoots}), in LAPACK's
     * order.
     */
    public static ZeroPoleGain tf2zpk(double[] b, double[] a) {
        TransferFunction tf = new TransferFunction(b, a);
        double[] den = stripLeadingZeros(tf.a(), 0);
        double[] num = tf.b();
        double a0 = den[0];
        for (int i = 0; i < num.length; i++) {
            num[i] = num[i] / a0;
        }
        for (int i = 0; i < den.length; i++) {
            den[i] = den[i] / a0;
        }
        num = stripLeadingZeros(num, 1e-14);
        double k = num[0];
        if (k == 0) {
            return new ZeroPoleGain(new Complex[0], PolynomialRoots.of(den), 0);
        }
        for (int i = 0; i < num.length; i++) {
            num[i] = num[i] / k;
        }
        return new ZeroPoleGain(PolynomialRoots.of(num), PolynomialRoots.of(den), k);
    }

    /** As {@link #tf2zpk(double[], double[])}. */
    public static ZeroPoleGain tf2zpk(TransferFunction tf) {
        return tf2zpk(tf.b(), tf.a());
    }

    /** Leading entries with {@code |v| <= tol} dropped, keeping at least one. */
    private static double[] stripLeadingZeros(double[] v, double tol) {
        int first = 0;
        while (first < v.length - 1 && Math.abs(v[first]) <= tol) {
            first++;
        }
        return Arrays.copyOfRange(v, first, v.length);
    }

    /**
     * scipy.signal.zpk2tf: {@code b = k * poly(zeros)}, {@code a = poly(poles)}, keeping the real
     * parts (the imaginary parts cancel when complex roots come in conjugate pairs, as for every
     * real filter).
     */
    public TransferFunction toTransferFunction() {
        return new TransferFunction(Polynomials.realPoly(zeros, gain), Polynomials.realPoly(poles, 1.0));
    }

    /** Whether every pole lies strictly inside the unit circle. */
    public boolean isStable() {
        for (Complex p : poles) {
            if (!(p.abs() < 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the filter with denominator {@code a} is stable: every root of {@code a} (leading
     * zeros dropped) strictly inside the unit circle. A constant denominator (an FIR filter) is
     * stable.
     */
    public static boolean isStable(double[] a) {
        return tf2zpk(new double[] {1}, a).isStable();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZeroPoleGain z && Arrays.equals(zeros, z.zeros) && Arrays.equals(poles, z.poles)
                && Double.compare(gain, z.gain) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(zeros) + Arrays.hashCode(poles)) + Double.hashCode(gain);
    }

    @Override
    public String toString() {
        return "ZeroPoleGain[zeros=" + Arrays.toString(zeros) + ", poles=" + Arrays.toString(poles) + ", gain=" + gain + "]";
    }
}
