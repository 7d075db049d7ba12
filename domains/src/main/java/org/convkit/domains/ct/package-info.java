/**
 * The {@code ct} domain: single-channel CT volumes in Hounsfield units, read from NIfTI, windowed to
 * {@code [0, 1]} ({@link org.convkit.domains.ct.CtWindow}), resampled trilinearly
 * ({@link org.convkit.domains.ct.Trilinear}) or cut into patches ({@link org.convkit.domains.ct.Patches}),
 * with seeded phantoms ({@link org.convkit.domains.ct.CtPhantom}) for synthetic lesion/normal data.
 * Volumes are {@code [z, y, x]} (depth, height, width) in C order throughout.
 */
package org.convkit.domains.ct;
