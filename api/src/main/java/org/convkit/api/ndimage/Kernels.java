package org.convkit.api.ndimage;

import java.util.List;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/** Named 2-d kernels of the lecture, and scipy's 1-d Gaussian. All are in correlation form. */
public final class Kernels {
    /** The names {@link #named} knows. */
    public static final List<String> NAMES = List.of("sobel-x", "sobel-y", "laplacian", "gaussian",
            "vertical-edge", "horizontal-edge");

    private Kernels() {
    }

    /**
     * A named 3x3 or 5x5 kernel (a fresh array):
     * <ul>
     * <li>{@code sobel-x}: {@code [[-1,0,1],[-2,0,2],[-1,0,1]]}, derivative along columns (axis 1),
     * as {@code ndimage.sobel(axis=1)} and {@code cv2.Sobel(dx=1)};</li>
     * <li>{@code sobel-y}: its transpose, derivative along rows (axis 0);</li>
     * <li>{@code laplacian}: {@code [[0,1,0],[1,-4,1],[0,1,0]]}, as {@code ndimage.laplace};</li>
     * <li>{@code gaussian}: 5x5, sigma 1, the outer product of scipy's normalised sampled Gaussian
     * of radius 2 ({@link #gaussian1d gaussian1d(1, 2)}); sums to 1;</li>
     * <li>{@code vertical-edge}: {@code [[1,0,-1],[1,0,-1],[1,0,-1]]};</li>
     * <li>{@code horizontal-edge}: {@code [[1,1,1],[0,0,0],[-1,-1,-1]]}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException listing the known names for any other name
     */
    public static DoubleNd named(String name) {
        Shape s3 = Shape.of(3, 3);
        return switch (name) {
            case "sobel-x" -> DoubleNd.of(s3, -1, 0, 1, -2, 0, 2, -1, 0, 1);
            case "sobel-y" -> DoubleNd.of(s3, -1, -2, -1, 0, 0, 0, 1, 2, 1);
            case "laplacian" -> DoubleNd.of(s3, 0, 1, 0, 1, -4, 1, 0, 1, 0);
            case "gaussian" -> {
                double[] g = gaussian1d(1.0, 2);
                yield Separable.of(g, g).toKernel();
            }
            case "vertical-edge" -> DoubleNd.of(s3, 1, 0, -1, 1, 0, -1, 1, 0, -1);
            case "horizontal-edge" -> DoubleNd.of(s3, 1, 1, 1, 0, 0, 0, -1, -1, -1);
            default -> throw new IllegalArgumentException("unknown kernel '" + name + "'; known kernels: "
                    + String.join(", ", NAMES));
        };
    }

    /**
     * scipy's {@code _gaussian_kernel1d(sigma, 0, radius)}: {@code exp(-x^2 / (2 sigma^2))} for
     * {@code x = -radius..radius}, normalised to sum 1.
     */
    public static double[] gaussian1d(double sigma, int radius) {
        if (!(sigma > 0) || radius < 0) {
            throw new IllegalArgumentException("gaussian needs sigma > 0 and radius >= 0, got sigma " + sigma
                    + ", radius " + radius);
        }
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double x = i - radius;
            w[i] = Math.exp(-0.5 / (sigma * sigma) * (x * x));
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
