/**
 * The {@code image} domain (2-d, many channels): PNG, JPEG, BMP, GIF and TIFF through
 * {@code javax.imageio} as {@code [channels, height, width]} in {@code [0, 1]}, MNIST IDX folders,
 * antialiased bilinear resizing to a fixed sample shape, and seeded images of shapes as synthetic data.
 */
package org.convkit.domains.image;
