package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LapackKernelsTest {

    @Test
    void fastExtendedNormAgreesWithTheExactEmulation() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 4000; i++) {
            double x = r.nextGaussian() * Math.pow(10, r.nextInt(-20, 20));
            double y = i % 3 == 0 ? x * (1 + r.nextInt(-4, 5) * Math.ulp(1.0)) : r.nextGaussian() * Math.pow(10, r.nextInt(-20, 20));
            assertEquals(LapackKernels.extendedNormExact(x, y), LapackKernels.extendedNorm(x, y), "x=" + x + " y=" + y);
        }
    }

    @Test
    void extendedNormIsWithinHalfAnUlpOfTheTrueNorm() {
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 2000; i++) {
            double x = r.nextGaussian();
            double y = r.nextGaussian();
            BigDecimal exact = new BigDecimal(x).pow(2).add(new BigDecimal(y).pow(2)).sqrt(new MathContext(40));
            double got = LapackKernels.extendedNorm(x, y);
            double err = exact.subtract(new BigDecimal(got)).abs().doubleValue();
            assertEquals(0, err, 0.5000001 * Math.ulp(got));
        }
    }

    @Test
    void dlapy2OfAZeroIsTheOtherMagnitude() {
        assertEquals(3, LapackKernels.dlapy2(-3, 0));
        assertEquals(5, LapackKernels.dlapy2(3, 4), 1e-15);
    }

    @Test
    void dlanv2GivesComplexPairsForRotations() {
        // [[0, -1], [1, 0]] has eigenvalues +-i
        double[] e = LapackKernels.dlanv2(0, -1, 1, 0);
        assertEquals(0, e[0]);
        assertEquals(1, e[1], 1e-15);
        assertEquals(0, e[2]);
        assertEquals(-1, e[3], 1e-15);
    }

    @Test
    void dlanv2GivesRealEigenvaluesOfATriangularisableBlock() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1
        double[] e = LapackKernels.dlanv2(2, 1, 1, 2);
        assertEquals(3, Math.max(e[0], e[2]), 1e-15);
        assertEquals(1, Math.min(e[0], e[2]), 1e-15);
        assertEquals(0, e[1]);
    }
}
