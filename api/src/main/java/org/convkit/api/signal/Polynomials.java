package org.convkit.api.signal;

import org.apache.commons.math3.complex.Complex;

/** Complex helpers shared by the filter design code, with numpy's operation order. */
final class Polynomials {

    private Polynomials() {
    }

    /**
     * numpy.poly: the monic polynomial with the given roots, highest power first, expanded one
     * factor {@code (x - r)} at a time in the given order.
     */
    static Complex[] poly(Complex[] roots) {
        double[] re = new double[roots.length + 1];
        double[] im = new double[roots.length + 1];
        re[0] = 1;
        for (int k = 0; k < roots.length; k++) {
            double rr = -roots[k].getReal();
            double ri = -roots[k].getImaginary();
            for (int j = k + 1; j >= 1; j--) {
                // new[j] = old[j] * 1 + old[j-1] * (-r)
                double pr = re[j - 1] * rr - im[j - 1] * ri;
                double pi = re[j - 1] * ri + im[j - 1] * rr;
                re[j] = re[j] + pr;
                im[j] = im[j] + pi;
            }
        }
        Complex[] c = new Complex[re.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Complex(re[i], im[i]);
        }
        return c;
    }

    /** Real parts of {@code k * poly(roots)}: the imaginary parts cancel for conjugate-pair roots. */
    static double[] realPoly(Complex[] roots, double k) {
        Complex[] c = poly(roots);
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = k * c[i].getReal();
        }
        return r;
    }

    static Complex product(Complex[] v) {
        Complex p = Complex.ONE;
        for (Complex c : v) {
            p = p.multiply(c);
        }
        return p;
    }

    /** Complex division as numpy does it (Smith's method, multiplying by the reciprocal). */
    static Complex divide(Complex x, Complex y) {
        double ar = x.getReal();
        double ai = x.getImaginary();
        double br = y.getReal();
        double bi = y.getImaginary();
        if (Math.abs(br) >= Math.abs(bi)) {
            if (br == 0 && bi == 0) {
                return new Complex(ar / Math.abs(br), ai / Math.abs(bi));
            }
            double rat = bi / br;
            double scl = 1.0 / (br + bi * rat);
            return new Complex((ar + ai * rat) * scl, (ai - ar * rat) * scl);
        }
        double rat = br / bi;
        double scl = 1.0 / (bi + br * rat);
        return new Complex((ar * rat + ai) * scl, (ai * rat - ar) * scl);
    }
}
