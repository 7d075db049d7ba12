package org.convkit.domains.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Affine to qform and back, on matrices whose quaternions are known exactly. */
class NiftiAffineTest {

    private static double[] diag(double x, double y, double z) {
        return new double[] {x, 0, 0, 5, 0, y, 0, -6, 0, 0, z, 7, 0, 0, 0, 1};
    }

    private static double[] roundTrip(double[] affine) {
        double[] q = NiftiAffine.toQuaternion(affine);
        return NiftiAffine.fromQuaternion(q[0], q[1], q[2], q[3], q[4], q[5], q[6],
                NiftiAffine.columnNorms(affine));
    }

    @Test
    void scalingIsTheIdentityRotation() {
        assertArrayEquals(new double[] {0, 0, 0, 5, -6, 7, 1}, NiftiAffine.toQuaternion(diag(2, 3, 4)), 0.0);
    }

    @Test
    void aFlippedThirdAxisIsQfacMinusOne() {
        assertArrayEquals(new double[] {0, 0, 0, 5, -6, 7, -1}, NiftiAffine.toQuaternion(diag(2, 3, -4)), 0.0);
        assertArrayEquals(diag(2, 3, -4), roundTrip(diag(2, 3, -4)), 0.0);
    }

    @Test
    void aHalfTurnAboutZHasQuaternionD() {
        // x and y negated: a rotation by pi about z, (a, b, c, d) = (0, 0, 0, 1)
        assertArrayEquals(new double[] {0, 0, 1, 5, -6, 7, 1}, NiftiAffine.toQuaternion(diag(-2, -3, 4)), 0.0);
        assertArrayEquals(diag(-2, -3, 4), roundTrip(diag(-2, -3, 4)), 0.0);
    }

    @Test
    void aQuarterTurnAboutXRoundTrips() {
        // columns: i -> x, j -> z, k -> -y (det +1)
        double[] a = {1.5, 0, 0, 0, 0, 0, -2.5, 0, 0, 2, 0, 0, 0, 0, 0, 1};
        double[] q = NiftiAffine.toQuaternion(a);
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, 0, 0, 0, 0, 0, 1}, q, 1e-15);
        assertArrayEquals(a, roundTrip(a), 1e-15);
    }

    @Test
    void aZeroColumnHasNoQuaternion() {
        assertNull(NiftiAffine.toQuaternion(diag(1, 0, 1)));
    }
}
