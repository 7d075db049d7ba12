/**
 * Pieces the domain plugins share: the generic {@code .npy} format ({@link org.convkit.domains.common.NpyFormat})
 * and a read-only view of a format ({@link org.convkit.domains.common.ReadOnlyFormat}).
 */
package org.convkit.domains.common;
