package org.convkit.api.nn.arch;

import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.PoolLayerSpec;

/**
 * ResNet-18, -34 and -50 (He et al. 2016, "Deep Residual Learning for Image Recognition") as
 * torchvision builds them (v1.5: a bottleneck's stride is on its 3x3 convolution), in 1, 2 or 3
 * dimensions: convolutions without bias, each followed by batch normalisation, identity shortcuts
 * or a strided 1x1 convolution and batch normalisation where the shape changes, the sum then a
 * ReLU, global average pooling and a fully connected layer. Parameter counts and shapes equal
 * torchvision's: the stem's 3x3 stride-2 max pooling has padding 1, giving 56x56 for a 224x224 input.
 */
final class ResNets {
    private ResNets() {
    }

    static GraphSpec build(int depth, int[] input, int classes) {
        int[] blocks = switch (depth) {
            case 18 -> new int[] {2, 2, 2, 2};
            case 34, 50 -> new int[] {3, 4, 6, 3};
            default -> throw new IllegalArgumentException("no ResNet-" + depth + "; there are 18, 34 and 50");
        };
        boolean bottleneck = depth >= 50;
        int expansion = bottleneck ? 4 : 1;
        GraphBuilder g = new GraphBuilder(input.length - 1);
        String x = g.conv("conv1", GraphSpec.INPUT, input[0], 64, 7, 2, 3, false);
        x = g.batchNorm("bn1", x, 64);
        x = g.relu("relu1", x);
        x = g.layer("maxpool", new PoolLayerSpec(PoolLayerSpec.Kind.MAX, g.rank, new int[] {3}, new int[] {2},
                new int[] {1}), x);
        int channels = 64;
        for (int stage = 0; stage < 4; stage++) {
            int width = 64 << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "_" + b + "_";
                String y = bottleneck ? bottleneck(g, p, x, channels, width, stride) : basic(g, p, x, channels, width, stride);
                String shortcut = x;
                if (stride != 1 || channels != width * expansion) {
                    shortcut = g.conv(p + "downsample_conv", x, channels, width * expansion, 1, stride, 0, false);
                    shortcut = g.batchNorm(p + "downsample_bn", shortcut, width * expansion);
                }
                x = g.relu(p + "relu", g.add(p + "add", y, shortcut));
                channels = width * expansion;
            }
        }
        x = g.layer("avgpool", new GlobalAvgPoolSpec(), x);
        x = g.layer("fc", new LinearSpec(channels, classes, true), x);
        return g.build(x);
    }

    /** Two 3x3 convolutions; the first carries the stride. Returns the second's batch norm (before the sum). */
    private static String basic(GraphBuilder g, String p, String x, int in, int width, int stride) {
        String y = g.conv(p + "conv1", x, in, width, 3, stride, 1, false);
        y = g.relu(p + "relu1", g.batchNorm(p + "bn1", y, width));
        y = g.conv(p + "conv2", y, width, width, 3, 1, 1, false);
        return g.batchNorm(p + "bn2", y, width);
    }

    /** 1x1 down to {@code width}, 3x3 with the stride, 1x1 up to {@code 4 width}. */
    private static String bottleneck(GraphBuilder g, String p, String x, int in, int width, int stride) {
        String y = g.conv(p + "conv1", x, in, width, 1, 1, 0, false);
        y = g.relu(p + "relu1", g.batchNorm(p + "bn1", y, width));
        y = g.conv(p + "conv2", y, width, width, 3, stride, 1, false);
        y = g.relu(p + "relu2", g.batchNorm(p + "bn2", y, width));
        y = g.conv(p + "conv3", y, width, 4 * width, 1, 1, 0, false);
        return g.batchNorm(p + "bn3", y, 4 * width);
    }
}
