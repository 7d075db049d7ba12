package org.convkit.domains.nifti;

/**
 * The voxel-to-world matrix of a NIfTI header, 4x4 row-major, mapping {@code (i, j, k, 1)} with
 * {@code i} the x index (the fastest on disk, the last array axis), {@code j} the y index and
 * {@code k} the z index, as NIfTI and nibabel define it.
 *
 * <p>Precedence as in the NIfTI-1 standard: the sform when {@code sform_code > 0}, else the qform
 * when {@code qform_code > 0} (the quaternion, {@code qfac = pixdim[0]} and the zooms
 * {@code pixdim[1..3]}), else plain scaling {@code diag(pixdim[1], pixdim[2], pixdim[3], 1)} with no
 * offset (the standard's "method 1"; nibabel instead centres and flips x for this Analyze case).
 */
public final class NiftiAffine {

    private NiftiAffine() {
    }

    /** The affine the header defines (see the class comment). */
    public static double[] of(NiftiHeader h) {
        double[] pix = h.pixdim();
        if (h.sformCode() > 0) {
            double[] s = h.srow();
            return new double[] {s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], 0, 0, 0, 1};
        }
        if (h.qformCode() > 0) {
            double[] q = h.quatern();
            return fromQuaternion(q[0], q[1], q[2], q[3], q[4], q[5], pix[0] < 0 ? -1 : 1,
                    new double[] {pix[1], pix[2], pix[3]});
        }
        return new double[] {pix[1], 0, 0, 0, 0, pix[2], 0, 0, 0, 0, pix[3], 0, 0, 0, 0, 1};
    }

    /**
     * The qform matrix: rotation from the unit quaternion {@code (a, b, c, d)} with
     * {@code a = sqrt(1 - b^2 - c^2 - d^2)} (0 when rounding makes that negative), times
     * {@code diag(zx, zy, qfac * zz)}, plus the offset.
     */
    public static double[] fromQuaternion(double b, double c, double d, double qx, double qy, double qz,
                                          double qfac, double[] zooms) {
        double a2 = 1.0 - (b * b + c * c + d * d);
        double a;
        if (a2 < 1e-7) {
            // a rounding-level negative: a rotation by pi, renormalise (b, c, d) as nifti1_io does
            double norm = Math.sqrt(b * b + c * c + d * d);
            b /= norm;
            c /= norm;
            d /= norm;
            a = 0;
        } else {
            a = Math.sqrt(a2);
        }
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b},
        };
        double[] z = {zooms[0], zooms[1], zooms[2] * qfac};
        double[] off = {qx, qy, qz};
        double[] m = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[4 * row + col] = r[row][col] * z[col];
            }
            m[4 * row + 3] = off[row];
        }
        m[15] = 1;
        return m;
    }

    /** The lengths of the affine's first three columns: the voxel size along i, j, k. */
    public static double[] columnNorms(double[] affine) {
        double[] n = new double[3];
        for (int col = 0; col < 3; col++) {
            double s = 0;
            for (int row = 0; row < 3; row++) {
                s += affine[4 * row + col] * affine[4 * row + col];
            }
            n[col] = Math.sqrt(s);
        }
        return n;
    }

    /**
     * The qform of an affine: {@code {b, c, d, qoffset_x, y, z, qfac}}, from its columns normalised
     * (a rotation when the affine has no shear; with shear only the sform is exact), {@code qfac = -1}
     * when the columns form a left-handed frame. Returns {@code null} when a column is zero.
     */
    public static double[] toQuaternion(double[] affine) {
        double[] zooms = columnNorms(affine);
        double[][] r = new double[3][3];
        for (int col = 0; col < 3; col++) {
            if (!(zooms[col] > 0)) {
                return null;
            }
            for (int row = 0; row < 3; row++) {
                r[row][col] = affine[4 * row + col] / zooms[col];
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = 1;
        if (det < 0) {
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row][2] = -r[row][2];
            }
        }
        double[] q = quaternion(r);
        return new double[] {q[1], q[2], q[3], affine[3], affine[7], affine[11], qfac};
    }

    /** {@code (a, b, c, d)} of a rotation matrix, {@code a >= 0} (Shepperd's method, stable near pi). */
    private static double[] quaternion(double[][] r) {
        double trace = r[0][0] + r[1][1] + r[2][2];
        double a;
        double b;
        double c;
        double d;
        if (trace > 0) {
            a = 0.5 * Math.sqrt(1 + trace);
            b = (r[2][1] - r[1][2]) / (4 * a);
            c = (r[0][2] - r[2][0]) / (4 * a);
            d = (r[1][0] - r[0][1]) / (4 * a);
        } else if (r[0][0] >= r[1][1] && r[0][0] >= r[2][2]) {
            b = 0.5 * Math.sqrt(Math.max(0, 1 + r[0][0] - r[1][1] - r[2][2]));
            a = (r[2][1] - r[1][2]) / (4 * b);
            c = (r[0][1] + r[1][0]) / (4 * b);
            d = (r[0][2] + r[2][0]) / (4 * b);
        } else if (r[1][1] >= r[2][2]) {
            c = 0.5 * Math.sqrt(Math.max(0, 1 - r[0][0] + r[1][1] - r[2][2]));
            a = (r[0][2] - r[2][0]) / (4 * c);
            b = (r[0][1] + r[1][0]) / (4 * c);
            d = (r[1][2] + r[2][1]) / (4 * c);
        } else {
            d = 0.5 * Math.sqrt(Math.max(0, 1 - r[0][0] - r[1][1] + r[2][2]));
            a = (r[1][0] - r[0][1]) / (4 * d);
            b = (r[0][2] + r[2][0]) / (4 * d);
            c = (r[1][2] + r[2][1]) / (4 * d);
        }
        return a < 0 ? new double[] {-a, -b, -c, -d} : new double[] {a, b, c, d};
    }
}
