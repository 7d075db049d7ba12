package org.convkit.api.nn.arch;

import java.util.Arrays;
import org.convkit.api.nn.ConvTransposeLayerSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.PoolLayerSpec;

/**
 * U-Net (Ronneberger et al. 2015) in 1, 2 or 3 dimensions: four levels of two 3x3 convolutions
 * with ReLU (64, 128, 256, 512 filters) each followed by 2x2 max pooling, a 1024-filter bottom, and
 * on the way up a 2x2 stride-2 transposed convolution halving the channels, concatenated with the
 * skip of the same level ({@code concat(skip, up)}) and two 3x3 convolutions; a final 1x1
 * convolution gives one channel per class at every pixel or voxel. Unlike the paper the
 * convolutions pad ({@code same}, as most PyTorch ports do), so the output has the input's spatial
 * size; every spatial size must then be divisible by 16. No batch normalisation.
 */
final class UNets {
    static final int LEVELS = 4;
    static final int WIDTH = 64;

    private UNets() {
    }

    static GraphSpec build(int[] input, int classes) {
        for (int a = 1; a < input.length; a++) {
            if (input[a] % (1 << LEVELS) != 0) {
                throw new IllegalArgumentException("unet needs every spatial size divisible by " + (1 << LEVELS) + " ("
                        + LEVELS + " poolings), got input " + Arrays.toString(input));
            }
        }
        GraphBuilder g = new GraphBuilder(input.length - 1);
        String[] skips = new String[LEVELS];
        String x = GraphSpec.INPUT;
        int channels = input[0];
        for (int level = 0; level < LEVELS; level++) {
            int width = WIDTH << level;
            skips[level] = doubleConv(g, "down" + (level + 1) + "_", x, channels, width);
            x = g.layer("down" + (level + 1) + "_pool", PoolLayerSpec.max(g.rank, 2), skips[level]);
            channels = width;
        }
        x = doubleConv(g, "bottom_", x, channels, WIDTH << LEVELS);
        channels = WIDTH << LEVELS;
        for (int level = LEVELS - 1; level >= 0; level--) {
            int width = WIDTH << level;
            String p = "up" + (level + 1) + "_";
            String up = g.layer(p + "convtranspose", ConvTransposeLayerSpec.upsample(g.rank, channels, width, 2), x);
            x = doubleConv(g, p, g.concat(p + "concat", skips[level], up), 2 * width, width);
            channels = width;
        }
        return g.build(g.conv("out_conv", x, channels, classes, 1, 1, 0, true));
    }

    private static String doubleConv(GraphBuilder g, String p, String x, int in, int out) {
        x = g.relu(p + "relu1", g.conv(p + "conv1", x, in, out, 3, 1, 1, true));
        return g.relu(p + "relu2", g.conv(p + "conv2", x, out, out, 3, 1, 1, true));
    }
}
