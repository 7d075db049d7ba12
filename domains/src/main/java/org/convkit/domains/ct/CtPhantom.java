package org.convkit.domains.ct;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Seeded synthetic CT volumes in Hounsfield units, a cube of {@code size} voxels of {@code voxelMm}:
 * air (-1000 HU) around a body ellipsoid of soft tissue (20 to 45 HU) holding an organ ellipsoid
 * (10 to 25 HU denser), two or three bone cylinders along z near the body's edge (600 to 900 HU)
 * and, for a {@code lesion} phantom, a sphere of radius 0.14 to 0.2 of {@code size}, centred within
 * 0.4 of the body's semi-axes from its centre, 90 to 140 HU denser than the tissue or organ it lies
 * in; Gaussian noise of 6 to 12 HU over everything. All positions, sizes, densities and the noise
 * come from {@code seed}; a phantom with and without its lesion from the same seed differ only in
 * the lesion (the lesion's draws are made either way).
 *
 * @param size    voxels per axis, at least 8
 * @param voxelMm the voxel size, millimetres, positive
 */
public record CtPhantom(int size, double voxelMm) {

    /** 32 voxels of 1.5 mm: a 48 mm cube. */
    public static final CtPhantom DEFAULT = new CtPhantom(32, 1.5);

    public CtPhantom {
        if (size < 8 || size > 512) {
            throw new IllegalArgumentException("phantom size must be 8 to 512 voxels, got " + size);
        }
        if (!(voxelMm > 0) || !Double.isFinite(voxelMm)) {
            throw new IllegalArgumentException("voxel size must be positive, got " + voxelMm);
        }
    }

    /** A phantom as a NIfTI-like file: {@code [1, z, y, x]} HU, voxel size and a centred scaling affine. */
    public DataFile file(boolean lesion, long seed) {
        FloatNd v = volume(lesion, seed);
        double origin = -size / 2.0 * voxelMm;
        double[] affine = {voxelMm, 0, 0, origin, 0, voxelMm, 0, origin, 0, 0, voxelMm, origin, 0, 0, 0, 1};
        Metadata m = new Metadata(Double.NaN, List.of(), List.of(), new double[] {voxelMm, voxelMm, voxelMm},
                affine, Map.of("datatype", "float32", "units", "mm", "descrip", "convkit CT phantom"));
        return new DataFile("nifti", v.reshape(Shape.of(1, size, size, size)), m);
    }

    /** The phantom's values, {@code [z, y, x]} HU. */
    public FloatNd volume(boolean lesion, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double c = (size - 1) / 2.0;
        double[] body = {c + u(rng, -1.5, 1.5), c + u(rng, -1.5, 1.5), c + u(rng, -1.5, 1.5)};
        double[] bodyR = {size * u(rng, 0.38, 0.46), size * u(rng, 0.28, 0.36), size * u(rng, 0.34, 0.44)};
        double tissue = u(rng, 20, 45);
        double[] organ = inside(rng, body, bodyR, 0.3);
        double[] organR = {size * u(rng, 0.1, 0.18), size * u(rng, 0.1, 0.18), size * u(rng, 0.1, 0.18)};
        double organHu = tissue + u(rng, 10, 25);
        int bones = 2 + rng.nextInt(2);
        double[][] bone = new double[3][];
        double[] boneR = new double[3];
        double[] boneHu = new double[3];
        for (int b = 0; b < 3; b++) {
            // bones run along z (like a spine or ribs), at 70% of the body's radius in the y-x plane
            double angle = 2 * Math.PI * rng.nextDouble();
            bone[b] = new double[] {body[1] + 0.8 * bodyR[1] * Math.sin(angle),
                body[2] + 0.8 * bodyR[2] * Math.cos(angle)};
            boneR[b] = size * u(rng, 0.05, 0.08);
            boneHu[b] = u(rng, 600, 900);
        }
        double[] les = inside(rng, body, bodyR, 0.4);
        double lesR = size * u(rng, 0.14, 0.2);
        double lesExtra = u(rng, 90, 140);
        double sigma = u(rng, 6, 12);
        float[] out = new float[size * size * size];
        int at = 0;
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double[] p = {z, y, x};
                    double hu = -1000;
                    boolean inBody = inEllipsoid(p, body, bodyR);
                    if (inBody) {
                        hu = inEllipsoid(p, organ, organR) ? organHu : tissue;
                        if (lesion && inEllipsoid(p, les, new double[] {lesR, lesR, lesR})) {
                            hu += lesExtra;
                        }
                    }
                    for (int b = 0; b < bones; b++) {
                        double dy = y - bone[b][0];
                        double dx = x - bone[b][1];
                        if (dy * dy + dx * dx <= boneR[b] * boneR[b] && inBody) {
                            hu = boneHu[b];
                        }
                    }
                    out[at++] = (float) (hu + sigma * gaussian(rng));
                }
            }
        }
        return FloatNd.of(Shape.of(size, size, size), out);
    }

    private static double u(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** A point within {@code fraction} of the ellipsoid's semi-axes from its centre (uniform in a box). */
    private static double[] inside(SplittableRandom rng, double[] centre, double[] radii, double fraction) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = centre[a] + radii[a] * u(rng, -fraction, fraction);
        }
        return p;
    }

    private static boolean inEllipsoid(double[] p, double[] centre, double[] radii) {
        double s = 0;
        for (int a = 0; a < 3; a++) {
            double d = (p[a] - centre[a]) / radii[a];
            s += d * d;
        }
        return s <= 1;
    }

    /** One standard normal draw (Box-Muller, cosine branch). */
    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
