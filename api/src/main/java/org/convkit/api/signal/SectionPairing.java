package org.convkit.api.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * scipy.signal.zpk2sos with {@code pairing='nearest'} for a digital filter (scipy 1.10): poles are
 * taken closest-to-the-unit-circle first and each is paired with its nearest zeros; the sections
 * are then reversed so that the poles nearest the unit circle come last, and the gain goes into the
 * first section. Each section is {@code [b0, b1, b2, 1, a1, a2]}.
 */
final class SectionPairing {
    private static final double TOL = 100 * Math.ulp(1.0);

    private SectionPairing() {
    }

    static double[][] sections(ZeroPoleGain f) {
        List<Complex> z = new ArrayList<>(List.of(f.zeros()));
        List<Complex> p = new ArrayList<>(List.of(f.poles()));
        if (z.isEmpty() && p.isEmpty()) {
            return new double[][] {{f.gain(), 0, 0, 1, 0, 0}};
        }
        while (p.size() < z.size()) {
            p.add(Complex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(Complex.ZERO);
        }
        int nSections = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(Complex.ZERO);
            z.add(Complex.ZERO);
        }
        z = halfPlane(z);
        p = halfPlane(p);
        Complex[][] zs = new Complex[nSections][];
        Complex[][] ps = new Complex[nSections][];
        for (int si = 0; si < nSections; si++) {
            Complex p1 = p.remove(worst(p));
            long realPoles = p.stream().filter(SectionPairing::isReal).count();
            long realZeros = z.stream().filter(SectionPairing::isReal).count();
            if (isReal(p1) && realPoles == 0) {
                Complex z1 = z.remove(nearest(z, p1, Which.REAL));
                ps[si] = new Complex[] {p1, Complex.ZERO};
                zs[si] = new Complex[] {z1, Complex.ZERO};
            } else if (p.size() + 1 == z.size() && !isReal(p1) && realPoles == 1 && realZeros == 1) {
                Complex z1 = z.remove(nearest(z, p1, Which.COMPLEX));
                ps[si] = new Complex[] {p1, p1.conjugate()};
                zs[si] = new Complex[] {z1, z1.conjugate()};
            } else {
                Complex p2;
                if (isReal(p1)) {
                    List<Integer> realIdx = new ArrayList<>();
                    for (int i = 0; i < p.size(); i++) {
                        if (isReal(p.get(i))) {
                            realIdx.add(i);
                        }
                    }
                    int best = realIdx.get(0);
                    for (int i : realIdx) {
                        if (distanceToCircle(p.get(i)) < distanceToCircle(p.get(best))) {
                            best = i;
                        }
                    }
                    p2 = p.remove(best);
                } else {
                    p2 = p1.conjugate();
                }
                ps[si] = new Complex[] {p1, p2};
                if (z.isEmpty()) {
                    zs[si] = new Complex[] {Complex.ZERO, Complex.ZERO};
                } else {
                    Complex z1 = z.remove(nearest(z, p1, Which.ANY));
                    if (!isReal(z1)) {
                        zs[si] = new Complex[] {z1, z1.conjugate()};
                    } else if (!z.isEmpty()) {
                        zs[si] = new Complex[] {z1, z.remove(nearest(z, p1, Which.REAL))};
                    } else {
                        zs[si] = new Complex[] {z1, Complex.ZERO};
                    }
                }
            }
        }
        double[][] sos = new double[nSections][];
        for (int si = 0; si < nSections; si++) {
            int from = nSections - 1 - si;
            double[] b = Polynomials.realPoly(zs[from], si == 0 ? f.gain() : 1.0);
            double[] a = Polynomials.realPoly(ps[from], 1.0);
            sos[si] = new double[] {b[0], b[1], b[2], a[0], a[1], a[2]};
        }
        return sos;
    }

    private enum Which { REAL, COMPLEX, ANY }

    private static boolean isReal(Complex c) {
        return c.getImaginary() == 0;
    }

    private static double distanceToCircle(Complex c) {
        return Math.abs(1 - c.abs());
    }

    private static int worst(List<Complex> p) {
        int best = 0;
        for (int i = 1; i < p.size(); i++) {
            if (distanceToCircle(p.get(i)) < distanceToCircle(p.get(best))) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the element of {@code from} nearest {@code to} among those of the requested kind. */
    private static int nearest(List<Complex> from, Complex to, Which which) {
        int best = -1;
        for (int i = 0; i < from.size(); i++) {
            Complex c = from.get(i);
            boolean kind = which == Which.ANY || (which == Which.REAL) == isReal(c);
            if (kind && (best < 0 || c.subtract(to).abs() < from.get(best).subtract(to).abs())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + which.name().toLowerCase(java.util.Locale.ROOT)
                    + " root left to pair with " + to);
        }
        return best;
    }

    /**
     * scipy's {@code concatenate(_cplxreal(v))}: one member (positive imaginary part, averaged with
     * its conjugate) of each complex pair, then the real values (imaginary part set to 0).
     */
    static List<Complex> halfPlane(List<Complex> v) {
        List<Complex> real = new ArrayList<>();
        List<Complex> pos = new ArrayList<>();
        List<Complex> neg = new ArrayList<>();
        for (Complex c : v) {
            if (Math.abs(c.getImaginary()) <= TOL * c.abs()) {
                real.add(new Complex(c.getReal(), 0));
            } else if (c.getImaginary() > 0) {
                pos.add(c);
            } else {
                neg.add(c);
            }
        }
        if (pos.size() != neg.size()) {
            throw new IllegalArgumentException("roots " + v + " contain a complex value with no matching conjugate");
        }
        Comparator<Complex> order = Comparator.comparingDouble(Complex::getReal)
                .thenComparingDouble(c -> Math.abs(c.getImaginary()));
        pos.sort(order);
        real.sort(Comparator.comparingDouble(Complex::getReal));
        List<Complex> out = new ArrayList<>();
        for (Complex c : pos) {
            int j = 0;
            for (int i = 1; i < neg.size(); i++) {
                if (neg.get(i).conjugate().subtract(c).abs() < neg.get(j).conjugate().subtract(c).abs()) {
                    j = i;
                }
            }
            Complex m = neg.remove(j).conjugate();
            if (m.subtract(c).abs() > TOL * m.abs()) {
                throw new IllegalArgumentException("roots " + v + " contain a complex value with no matching conjugate");
            }
            out.add(new Complex((c.getReal() + m.getReal()) / 2, (c.getImaginary() + m.getImaginary()) / 2));
        }
        out.addAll(real);
        return out;
    }
}
