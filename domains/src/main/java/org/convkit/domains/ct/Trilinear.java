package org.convkit.domains.ct;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Trilinear resampling of a volume {@code [z, y, x]} (C order), matching PyTorch's
 * {@code F.interpolate(x, size, mode="trilinear", align_corners=False)}: output index {@code o} along
 * an axis of {@code n} input and {@code m} output voxels samples input coordinate
 * {@code max((o + 0.5) * n / m - 0.5, 0)}, the upper neighbour clamped to the edge (so values near
 * the border replicate it). Voxel centres keep their physical positions when the field of view is
 * kept: the output voxel is {@code n / m} times the input one.
 */
public final class Trilinear {

    private Trilinear() {
    }

    /**
     * Resamples {@code volume} to {@code target} voxels per axis.
     *
     * @param volume {@code [z, y, x]}
     * @param target {@code [z, y, x]} output sizes, each at least 1
     * @return a new {@code [target]} array; the input is not modified
     */
    public static FloatNd resize(FloatNd volume, int[] target) {
        Shape s = volume.shape();
        if (s.rank() != 3) {
            throw new IllegalArgumentException("trilinear resampling takes a volume [z, y, x], got shape " + s);
        }
        if (target.length != 3 || target[0] < 1 || target[1] < 1 || target[2] < 1) {
            throw new IllegalArgumentException("target must be 3 positive sizes [z, y, x], got "
                    + java.util.Arrays.toString(target));
        }
        float[] src = volume.toArray();
        int nz = s.dim(0);
        int ny = s.dim(1);
        int nx = s.dim(2);
        Axis az = Axis.of(nz, target[0]);
        Axis ay = Axis.of(ny, target[1]);
        Axis ax = Axis.of(nx, target[2]);
        float[] out = new float[target[0] * target[1] * target[2]];
        int at = 0;
        for (int z = 0; z < target[0]; z++) {
            int z0 = az.lo[z] * ny * nx;
            int z1 = az.hi[z] * ny * nx;
            double wz = az.frac[z];
            for (int y = 0; y < target[1]; y++) {
                int y0 = ay.lo[y] * nx;
                int y1 = ay.hi[y] * nx;
                double wy = ay.frac[y];
                for (int x = 0; x < target[2]; x++) {
                    int x0 = ax.lo[x];
                    int x1 = ax.hi[x];
                    double wx = ax.frac[x];
                    double c00 = src[z0 + y0 + x0] * (1 - wx) + src[z0 + y0 + x1] * wx;
                    double c01 = src[z0 + y1 + x0] * (1 - wx) + src[z0 + y1 + x1] * wx;
                    double c10 = src[z1 + y0 + x0] * (1 - wx) + src[z1 + y0 + x1] * wx;
                    double c11 = src[z1 + y1 + x0] * (1 - wx) + src[z1 + y1 + x1] * wx;
                    double c0 = c00 * (1 - wy) + c01 * wy;
                    double c1 = c10 * (1 - wy) + c11 * wy;
                    out[at++] = (float) (c0 * (1 - wz) + c1 * wz);
                }
            }
        }
        return FloatNd.of(Shape.of(target), out);
    }

    /**
     * The sizes that bring voxels of {@code voxelSize} to about {@code targetVoxel} over the same
     * field of view: {@code max(1, round(n * voxel / target))} per axis; the voxel size actually
     * reached is {@link #voxelSizeAfter}.
     */
    public static int[] sizeFor(Shape volume, double[] voxelSize, double[] targetVoxel) {
        if (voxelSize.length != 3 || targetVoxel.length != 3) {
            throw new IllegalArgumentException("voxel sizes must be (z, y, x), got " + voxelSize.length + " and "
                    + targetVoxel.length + " values");
        }
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            if (!(voxelSize[a] > 0) || !(targetVoxel[a] > 0)) {
                throw new IllegalArgumentException("voxel sizes must be positive, got " + voxelSize[a] + " -> "
                        + targetVoxel[a] + " on axis " + a);
            }
            long n = Math.round(volume.dim(a) * voxelSize[a] / targetVoxel[a]);
            if (n > 4096) {
                throw new IllegalArgumentException("resampling axis " + a + " from " + volume.dim(a) + " voxels of "
                        + voxelSize[a] + " to " + targetVoxel[a] + " gives " + n + " voxels, more than 4096");
            }
            out[a] = (int) Math.max(1, n);
        }
        return out;
    }

    /** The voxel size after resizing {@code volume} of {@code voxelSize} to {@code sizes}: {@code voxel * n / m}. */
    public static double[] voxelSizeAfter(Shape volume, double[] voxelSize, int[] sizes) {
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            out[a] = voxelSize[a] * volume.dim(a) / sizes[a];
        }
        return out;
    }

    /** Per output index: the lower and upper input neighbour and the upper one's weight. */
    private record Axis(int[] lo, int[] hi, double[] frac) {
        static Axis of(int n, int m) {
            int[] lo = new int[m];
            int[] hi = new int[m];
            double[] frac = new double[m];
            double scale = (double) n / m;
            for (int o = 0; o < m; o++) {
                double src = Math.max((o + 0.5) * scale - 0.5, 0);
                int i0 = Math.min((int) src, n - 1);
                lo[o] = i0;
                hi[o] = Math.min(i0 + 1, n - 1);
                frac[o] = src - i0;
            }
            return new Axis(lo, hi, frac);
        }
    }
}
