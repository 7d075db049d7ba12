package org.convkit.domains.ct;

import java.util.Arrays;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * How the {@code ct} domain turns a volume in HU into network samples: the volume is windowed to
 * {@code [0, 1]}, then either resized trilinearly to one sample of a fixed shape (the whole field
 * of view, whatever the voxel size: fast, and the default) or cut into patches (windowed value 0,
 * the bottom of the window, beyond the edges), optionally after resampling trilinearly to a voxel
 * size so that a patch covers the same millimetres in every file.
 *
 * @param window  the intensity window
 * @param resize  the sample size {@code [z, y, x]} when resizing, else {@code null}
 * @param patches the patching when cutting, else {@code null}; exactly one of the two is set
 * @param voxelMm with patches, the voxel size {@code (z, y, x)} to resample to first (see
 *                {@link Trilinear#sizeFor}), or {@code null} to cut the volume as it is
 */
public record CtSampling(CtWindow window, int[] resize, Patches patches, double[] voxelMm) {

    /** The default: soft-tissue window, the whole volume resized to 16 x 16 x 16. */
    public static final CtSampling DEFAULT = resized(CtWindow.SOFT_TISSUE, 16, 16, 16);

    public CtSampling {
        if (window == null) {
            throw new IllegalArgumentException("window is required");
        }
        if ((resize == null) == (patches == null)) {
            throw new IllegalArgumentException("exactly one of resize and patches must be set, got resize "
                    + Arrays.toString(resize) + " and patches " + patches);
        }
        if (voxelMm != null) {
            voxelMm = voxelMm.clone();
            if (patches == null || voxelMm.length != 3 || !(voxelMm[0] > 0 && voxelMm[1] > 0 && voxelMm[2] > 0)) {
                throw new IllegalArgumentException("a target voxel size goes with patches and is 3 positive "
                        + "millimetre values (z, y, x), got " + Arrays.toString(voxelMm) + " with patches " + patches);
            }
        }
        if (resize != null) {
            resize = resize.clone();
            if (resize.length != 3 || resize[0] < 1 || resize[1] < 1 || resize[2] < 1) {
                throw new IllegalArgumentException("resize must be 3 positive sizes [z, y, x], got "
                        + Arrays.toString(resize));
            }
        }
    }

    /** The whole volume windowed and resized to {@code [z, y, x]}. */
    public static CtSampling resized(CtWindow window, int z, int y, int x) {
        return new CtSampling(window, new int[] {z, y, x}, null, null);
    }

    /** The volume windowed and cut into {@code patches}. */
    public static CtSampling patched(CtWindow window, Patches patches) {
        return new CtSampling(window, null, patches, null);
    }

    /** The volume windowed, resampled to voxels of {@code voxelMm} {@code (z, y, x)} and cut into {@code patches}. */
    public static CtSampling patched(CtWindow window, Patches patches, double... voxelMm) {
        return new CtSampling(window, null, patches, voxelMm);
    }

    @Override
    public double[] voxelMm() {
        return voxelMm == null ? null : voxelMm.clone();
    }

    @Override
    public int[] resize() {
        return resize == null ? null : resize.clone();
    }

    /** One sample's shape, {@code [1, z, y, x]}. */
    public Shape sampleShape() {
        int[] s = resize != null ? resize : patches.size();
        return Shape.of(1, s[0], s[1], s[2]);
    }

    /**
     * The samples of one volume.
     *
     * @param volume    {@code [z, y, x]} in HU, not modified
     * @param voxelSize its voxel size {@code (z, y, x)}, needed only when resampling to {@link #voxelMm}
     * @return {@code [n, 1, z, y, x]}: {@code n = 1} when resizing
     * @throws IllegalArgumentException when a voxel size is needed and {@code voxelSize} is null or not positive
     */
    public FloatNd samples(FloatNd volume, double[] voxelSize) {
        float[] windowed = volume.toArray();
        window.applyInPlace(windowed);
        FloatNd w = FloatNd.of(volume.shape(), windowed);
        if (resize != null) {
            return Trilinear.resize(w, resize).reshape(sampleShape().prepend(1));
        }
        if (voxelMm != null) {
            if (voxelSize == null) {
                throw new IllegalArgumentException("resampling to " + Arrays.toString(voxelMm)
                        + " mm needs the volume's voxel size, which is unknown");
            }
            w = Trilinear.resize(w, Trilinear.sizeFor(w.shape(), voxelSize, voxelMm));
        }
        return patches.cut(w, 0f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtSampling c && c.window.equals(window) && Arrays.equals(c.resize, resize)
                && java.util.Objects.equals(c.patches, patches) && Arrays.equals(c.voxelMm, voxelMm);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(window, Arrays.hashCode(resize), patches, Arrays.hashCode(voxelMm));
    }

    @Override
    public String toString() {
        return "CtSampling[window=" + window + (resize != null ? ", resize=" + Arrays.toString(resize)
                : ", patches=" + patches + (voxelMm != null ? ", voxelMm=" + Arrays.toString(voxelMm) : "")) + "]";
    }
}
