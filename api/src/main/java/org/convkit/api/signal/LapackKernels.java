package org.convkit.api.signal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The small LAPACK kernels of {@link HessenbergEigen}: {@code dlarfg} (Householder reflector),
 * {@code dlapy2}, {@code dlanv2} (standardised 2 x 2 Schur block), with LAPACK's operation order,
 * and the 2-norm of OpenBLAS's x86-64 {@code dnrm2} kernel. Arrays are 1-based.
 */
final class LapackKernels {

    private LapackKernels() {
    }

    /** dlarfg on v[1] (alpha) and v[2..n] (x), in place; returns tau. */
    static double dlarfg(int n, double[] v) {
        if (n <= 1) {
            return 0;
        }
        double xnorm = n == 2 ? Math.abs(v[2]) : extendedNorm(v[2], v[3]);
        if (xnorm == 0) {
            return 0;
        }
        double alpha = v[1];
        double beta = -Math.copySign(dlapy2(alpha, xnorm), alpha);
        double safmin = HessenbergEigen.SAFMIN / (HessenbergEigen.ULP / 2);
        double rsafmn = 1 / safmin;
        int knt = 0;
        if (Math.abs(beta) < safmin) {
            do {
                knt++;
                for (int t = 2; t <= n; t++) {
                    v[t] *= rsafmn;
                }
                beta *= rsafmn;
                alpha *= rsafmn;
            } while (Math.abs(beta) < safmin && knt < 20);
            xnorm = n == 2 ? Math.abs(v[2]) : extendedNorm(v[2], v[3]);
            beta = -Math.copySign(dlapy2(alpha, xnorm), alpha);
        }
        double tau = (beta - alpha) / beta;
        double scal = 1 / (alpha - beta);
        for (int t = 2; t <= n; t++) {
            v[t] *= scal;
        }
        for (int j = 0; j < knt; j++) {
            beta *= safmin;
        }
        v[1] = beta;
        return tau;
    }

    static double dlapy2(double x, double y) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isNaN(y)) {
            return y;
        }
        double xa = Math.abs(x);
        double ya = Math.abs(y);
        double w = Math.max(xa, ya);
        double z = Math.min(xa, ya);
        if (z == 0 || w > Double.MAX_VALUE) {
            return w;
        }
        double q = z / w;
        return w * Math.sqrt(1 + q * q);
    }

    /**
     * sqrt(x^2 + y^2) as OpenBLAS's x87 dnrm2 kernel computes it: squares, sum and square root
     * each rounded to a 64-bit significand, the result then rounded to double.
     */
    static double extendedNorm(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Math.hypot(x, y);
        }
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double big = Math.max(ax, ay);
        double small = Math.min(ax, ay);
        if (big < 1e150 && (small == 0 || small > 1e-140)) {
            // Fast path: the square root of x^2 + y^2 (kept to ~104 bits) and its offset from the
            // double r in ulps. Away from a rounding midpoint the extended-precision roundings
            // cannot change the result, which is then r rounded correctly.
            double p1 = ax * ax;
            double p2 = ay * ay;
            double e1 = Math.fma(ax, ax, -p1);
            double e2 = Math.fma(ay, ay, -p2);
            double s = p1 + p2;
            double bv = s - p1;
            double lo = ((p1 - (s - bv)) + (p2 - bv)) + (e1 + e2);
            if (s == 0) {
                return 0;
            }
            double r = Math.sqrt(s);
            double offset = (Math.fma(-r, r, s) + lo) / (2 * r) / Math.ulp(r);
            double nearest = Math.rint(offset);
            double fromHalf = Math.abs(Math.abs(offset - nearest) - 0.5);
            if (fromHalf > 1.0 / 256 && Math.abs(offset) < 4) {
                return r + nearest * Math.ulp(r);
            }
        }
        return extendedNormExact(x, y);
    }

    /** {@link #extendedNorm} with every rounding carried out on exact decimal values. */
    static double extendedNormExact(double x, double y) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal by = new BigDecimal(y);
        BigDecimal sum = roundBits(roundBits(bx.multiply(bx)).add(roundBits(by.multiply(by))));
        if (sum.signum() == 0) {
            return 0;
        }
        BigDecimal root = roundBits(sum.sqrt(new MathContext(60, RoundingMode.HALF_EVEN)));
        return root.doubleValue();
    }

    /** {@code v} rounded to 64 significant bits, ties to even. */
    private static BigDecimal roundBits(BigDecimal v) {
        if (v.signum() == 0) {
            return v;
        }
        int exp = (int) Math.floor(Math.log(v.abs().doubleValue()) / Math.log(2));
        BigDecimal scaled = shift(v, 63 - exp);
        while (scaled.abs().compareTo(TWO_64) >= 0) {
            exp++;
            scaled = shift(v, 63 - exp);
        }
        while (scaled.abs().compareTo(TWO_63) < 0) {
            exp--;
            scaled = shift(v, 63 - exp);
        }
        BigDecimal integral = scaled.setScale(0, RoundingMode.HALF_EVEN);
        return shift(integral, exp - 63);
    }

    private static final BigDecimal TWO_63 = new BigDecimal(BigInteger.ONE.shiftLeft(63));
    private static final BigDecimal TWO_64 = new BigDecimal(BigInteger.ONE.shiftLeft(64));
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private static BigDecimal shift(BigDecimal v, int bits) {
        return bits >= 0 ? v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(bits)))
                : v.multiply(HALF.pow(-bits));
    }

    /** dlanv2 on [[a, b], [c, d]]: returns {rt1r, rt1i, rt2r, rt2i}. */
    static double[] dlanv2(double a, double b, double c, double d) {
        final double multpl = 4;
        double eps = HessenbergEigen.ULP;
        // c == 0: already upper triangular; equal diagonal with b, c of opposite signs: already
        // standard (complex pair); otherwise reduce.
        if (c != 0 && b == 0) {
            double temp = d;
            d = a;
            a = temp;
            b = -c;
            c = 0;
        } else if (c != 0 && !((a - d) == 0 && Math.copySign(1, b) != Math.copySign(1, c))) {
            double temp = a - d;
            double p = 0.5 * temp;
            double bcmax = Math.max(Math.abs(b), Math.abs(c));
            double bcmis = Math.min(Math.abs(b), Math.abs(c)) * Math.copySign(1, b) * Math.copySign(1, c);
            double scale = Math.max(Math.abs(p), bcmax);
            double z = (p / scale) * p + (bcmax / scale) * bcmis;
            if (z >= multpl * eps) {
                z = p + Math.copySign(Math.sqrt(scale) * Math.sqrt(z), p);
                a = d + z;
                d = d - (bcmax / z) * bcmis;
                b = b - c;
                c = 0;
            } else {
                double sigma = b + c;
                double tau = dlapy2(sigma, temp);
                double cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
                double sn = -(p / (tau * cs)) * Math.copySign(1, sigma);
                double aa = a * cs + b * sn;
                double bb = -a * sn + b * cs;
                double cc = c * cs + d * sn;
                double dd = -c * sn + d * cs;
                a = aa * cs + cc * sn;
                b = bb * cs + dd * sn;
                c = -aa * sn + cc * cs;
                d = -bb * sn + dd * cs;
                temp = 0.5 * (a + d);
                a = temp;
                d = temp;
                if (c != 0) {
                    if (b != 0) {
                        if (Math.copySign(1, b) == Math.copySign(1, c)) {
                            double sab = Math.sqrt(Math.abs(b));
                            double sac = Math.sqrt(Math.abs(c));
                            p = Math.copySign(sab * sac, c);
                            a = temp + p;
                            d = temp - p;
                            b = b - c;
                            c = 0;
                        }
                    } else {
                        b = -c;
                        c = 0;
                    }
                }
            }
        }
        double rt1i = 0;
        if (c != 0) {
            rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
        }
        return new double[] {a, rt1i, d, -rt1i};
    }
}
