package org.convkit.domains.ct;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Fixed-size patches of a volume {@code [z, y, x]}, for volumes too large to resample whole.
 *
 * <p>Along an axis of {@code n} voxels, patches start at {@code 0, stride, 2 stride, ...}: there
 * are {@code ceil(max(n - size, 0) / stride) + 1} of them, so every voxel is in at least one and
 * none starts past the edge; the part of the last patch beyond the edge (or of the only one when
 * {@code n < size}) holds {@code fill}. Patches come out in C order of their start positions
 * ({@code z} slowest), as {@code [count, 1, size_z, size_y, size_x]}.
 *
 * @param size   the patch size {@code [z, y, x]}, each at least 1
 * @param stride the step between patch starts {@code [z, y, x]}, each at least 1 (equal to
 *               {@code size} for non-overlapping tiles)
 */
public record Patches(int[] size, int[] stride) {

    public Patches {
        size = size.clone();
        stride = stride.clone();
        if (size.length != 3 || stride.length != 3) {
            throw new IllegalArgumentException("patch size and stride are [z, y, x], got " + Arrays.toString(size)
                    + " and " + Arrays.toString(stride));
        }
        for (int a = 0; a < 3; a++) {
            if (size[a] < 1 || stride[a] < 1) {
                throw new IllegalArgumentException("patch size and stride must be positive, got size "
                        + Arrays.toString(size) + ", stride " + Arrays.toString(stride));
            }
        }
    }

    /** Non-overlapping cubes of side {@code n}. */
    public static Patches tiles(int n) {
        return new Patches(new int[] {n, n, n}, new int[] {n, n, n});
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Patches p && Arrays.equals(p.size, size) && Arrays.equals(p.stride, stride);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(size) + Arrays.hashCode(stride);
    }

    @Override
    public String toString() {
        return "Patches[size=" + Arrays.toString(size) + ", stride=" + Arrays.toString(stride) + "]";
    }

    /** How many patch starts an axis of {@code n} voxels has along axis {@code a}. */
    public int count(int a, int n) {
        return (Math.max(n - size[a], 0) + stride[a] - 1) / stride[a] + 1;
    }

    /**
     * Cuts {@code volume} into patches.
     *
     * @param volume {@code [z, y, x]}, not modified
     * @param fill   the value beyond the volume's edges
     * @return {@code [count, 1, size...]}
     */
    public FloatNd cut(FloatNd volume, float fill) {
        Shape s = volume.shape();
        if (s.rank() != 3) {
            throw new IllegalArgumentException("patches are cut from a volume [z, y, x], got shape " + s);
        }
        int[] counts = {count(0, s.dim(0)), count(1, s.dim(1)), count(2, s.dim(2))};
        long total = (long) counts[0] * counts[1] * counts[2] * size[0] * size[1] * size[2];
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("patches " + Arrays.toString(size) + " every " + Arrays.toString(stride)
                    + " of a volume " + s + " need " + total + " values, too many for one array");
        }
        float[] src = volume.toArray();
        float[] out = new float[(int) total];
        Arrays.fill(out, fill);
        int at = 0;
        for (int pz = 0; pz < counts[0]; pz++) {
            for (int py = 0; py < counts[1]; py++) {
                for (int px = 0; px < counts[2]; px++) {
                    copy(src, s, new int[] {pz * stride[0], py * stride[1], px * stride[2]}, out, at);
                    at += size[0] * size[1] * size[2];
                }
            }
        }
        return FloatNd.of(Shape.of(counts[0] * counts[1] * counts[2], 1, size[0], size[1], size[2]), out);
    }

    private void copy(float[] src, Shape s, int[] start, float[] out, int at) {
        int zEnd = Math.min(size[0], s.dim(0) - start[0]);
        int yEnd = Math.min(size[1], s.dim(1) - start[1]);
        int xLen = Math.min(size[2], s.dim(2) - start[2]);
        for (int z = 0; z < zEnd; z++) {
            for (int y = 0; y < yEnd; y++) {
                int from = ((start[0] + z) * s.dim(1) + start[1] + y) * s.dim(2) + start[2];
                System.arraycopy(src, from, out, at + (z * size[1] + y) * size[2], xLen);
            }
        }
    }
}
