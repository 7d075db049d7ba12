/**
 * NIfTI-1 and NIfTI-2 single-file volumes ({@code .nii}, {@code .nii.gz}): header parsing and
 * validation, voxel decoding with {@code scl_slope}/{@code scl_inter}, the sform/qform affine, and a
 * writer. Volumes decode to {@code [t, z, y, x]} float32 (NIfTI's x-fastest order read as C order).
 */
package org.convkit.domains.nifti;
