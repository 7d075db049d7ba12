/**
 * Image-style filters with scipy.ndimage semantics, for arrays of any rank: correlation and
 * convolution with a boundary rule ({@link org.convkit.api.ndimage.Boundary}) and output the size of
 * the input, Sobel, Laplace, Gaussian and uniform filters, named kernels, and separable kernels.
 * {@link org.convkit.api.ndimage.NdImage} is the entry point; fast rank-specialised kernels plug in
 * through the {@link org.convkit.api.ndimage.FilterEngine} SPI and are checked against
 * {@link org.convkit.api.ndimage.ReferenceFilter}.
 */
package org.convkit.api.ndimage;
