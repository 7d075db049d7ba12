package org.convkit.api.conv;

/**
 * Where the odd sample goes in {@link ConvMode#SAME} mode when the padding {@code K - 1} is odd
 * (even kernels). Stated in the correlation form {@code y[i] = sum_j w[j] x[i + j - left]}, where
 * {@code w} is the kernel as applied (flipped for a convolution).
 */
public enum SameAlignment {
    /**
     * scipy.signal / numpy: the 'full' result centred, dropping the extra sample at its end;
     * {@code left = K / 2} for convolution and correlation alike.
     */
    NUMPY,
    /** PyTorch / TensorFlow: the extra padding goes on the right; {@code left = (K - 1) / 2}. */
    TORCH,
    /**
     * scipy.ndimage with origin 0: the kernel centre is index {@code K / 2} of the kernel as given;
     * {@code left = K / 2} for correlation, {@code (K - 1) / 2} for convolution.
     */
    NDIMAGE;

    /** Left padding for a total padding {@code total}, for the given operation. */
    int left(int total, boolean convolve) {
        return switch (this) {
            case NUMPY -> total - total / 2;
            case TORCH -> total / 2;
            case NDIMAGE -> convolve ? total / 2 : total - total / 2;
        };
    }
}
