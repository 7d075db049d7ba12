package org.convkit.api.nn.arch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.convkit.api.nn.ModelSpec;

/**
 * Classic networks built for any input shape and class count. The sequential ones are written in
 * the {@link Notation} (their {@link #notation} shows it) and work in 1, 2 and 3 dimensions; the
 * ResNets and the U-Net are graphs. Activation functions the toolkit lacks (tanh, ELU, square, log)
 * are replaced by ReLU; each entry's {@link #description} says what else differs from the paper.
 * Fully connected layers take whatever the last feature map flattens to (torchvision's adaptive
 * average pooling before them is the identity at 224x224 and left out), so the ImageNet
 * configurations ({@code [3, 224, 224]}, 1000 classes) have torchvision's parameter counts:
 * AlexNet 61,100,840, VGG-16 138,357,544, ResNet-18 11,689,512, ResNet-50 25,557,032.
 */
public final class Zoo {
    private static final String VGG_HEAD = "PF[4096]RDF[4096]RDF";

    private record Entry(String description, String notation, boolean eeg) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        seq("lenet1989", "LeCun et al. 1989 (zip codes, 16x16): two 5x5 stride-2 convolutions of 12 maps, 30 hidden"
                + " units; every map sees every map (the paper connected H2 to 8 of 12), ReLU for tanh",
                "C[12,5,s2,p2]RC[12,5,s2,p2]RF[30]RF");
        seq("lenet5", "LeCun et al. 1998 (32x32): 6 and 16 valid 5x5 convolutions with 2x2 average pooling, 120 and"
                + " 84 hidden units; ReLU for tanh, full C3 connections", "C[6,5,valid]RAC[16,5,valid]RAF[120]RF[84]RF");
        seq("alexnet", "Krizhevsky et al. 2012 as torchvision builds it (single tower, no local response norm)",
                "C[64,11,s4,p2]RP[3,2]C[192,5,p2]RP[3,2]C[384]RC[256]RC[256]RP[3,2]DF[4096]RDF[4096]RF");
        seq("vgg11", "Simonyan and Zisserman 2014, configuration A, without batch norm (torchvision vgg11)",
                "C[64]RPC[128]RP(C[256]R)2P(C[512]R)2P(C[512]R)2" + VGG_HEAD);
        seq("vgg13", "Simonyan and Zisserman 2014, configuration B, without batch norm (torchvision vgg13)",
                "(C[64]R)2P(C[128]R)2P(C[256]R)2P(C[512]R)2P(C[512]R)2" + VGG_HEAD);
        seq("vgg16", "Simonyan and Zisserman 2014, configuration D, without batch norm (torchvision vgg16)",
                "(C[64]R)2P(C[128]R)2P(C[256]R)3P(C[512]R)3P(C[512]R)3" + VGG_HEAD);
        seq("vgg19", "Simonyan and Zisserman 2014, configuration E, without batch norm (torchvision vgg19)",
                "(C[64]R)2P(C[128]R)2P(C[256]R)4P(C[512]R)4P(C[512]R)4" + VGG_HEAD);
        ENTRIES.put("resnet18", new Entry("He et al. 2016, basic blocks [2, 2, 2, 2] (torchvision resnet18)", null,
                false));
        ENTRIES.put("resnet34", new Entry("He et al. 2016, basic blocks [3, 4, 6, 3] (torchvision resnet34)", null,
                false));
        ENTRIES.put("resnet50", new Entry("He et al. 2016, bottleneck blocks [3, 4, 6, 3], stride on the 3x3"
                + " (torchvision resnet50)", null, false));
        ENTRIES.put("unet", new Entry("Ronneberger et al. 2015 with padded convolutions: 64 to 1024 filters, transposed"
                + " convolutions up, concatenated skips, one output channel per class per position", null, false));
        ENTRIES.put("shallow-convnet", new Entry("Schirrmeister et al. 2017 ShallowFBCSPNet for [channels, time]: one"
                + " 40-filter 25-sample convolution over all electrodes (braindecode's split_first_layer=False), batch"
                + " norm, ReLU for square, average pooling 75 stride 15, no log, dropout, dense classifier",
                "C[40,25,valid,nobias]BRA[75,15]DF", true));
        ENTRIES.put("deep-convnet", new Entry("Schirrmeister et al. 2017 Deep4Net for [channels, time]: 25, 50, 100, 200"
                + " valid 10-sample convolutions with batch norm, ReLU for ELU and max pooling 3, dropout before blocks"
                + " 2 to 4, dense classifier", "C[25,10,valid,nobias]BRP[3](DC[k10,valid,nobias]BRP[3])3F", true));
        ENTRIES.put("eegnet", new Entry("Lawhern et al. 2018 EEGNet-8,2 for [channels, time]: the spatial filters (16, a"
                + " 1x1 convolution over the electrodes) come before the depthwise 64-sample temporal filters (both"
                + " linear, so they commute; the temporal filters are per spatial filter), batch norm, ReLU for ELU,"
                + " average pooling 4, a separable convolution (depthwise 16 samples, pointwise 16), average pooling"
                + " 8, dropout 0.25, dense classifier",
                "C[16,1,nobias]BC[16,64,g16,nobias]BRA[4]D[0.25]C[16,16,g16,nobias]C[16,1,nobias]BRA[8]D[0.25]F", true));
    }

    private Zoo() {
    }

    private static void seq(String name, String description, String notation) {
        ENTRIES.put(name, new Entry(description, notation, false));
    }

    /** The names, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Whether {@code name} (any case) is a zoo network. */
    public static boolean contains(String name) {
        return ENTRIES.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** A one-line description: the source and how this version differs from it. */
    public static String description(String name) {
        return entry(name).description();
    }

    /** The notation of a sequential network; empty for the graphs. */
    public static Optional<String> notation(String name) {
        return Optional.ofNullable(entry(name).notation());
    }

    /**
     * The network {@code name} for inputs of shape {@code input} ({@code [C, L]}, {@code [C, H, W]}
     * or {@code [C, D, H, W]}; the EEG networks take only {@code [channels, time]}) and
     * {@code classes} classes.
     *
     * @throws IllegalArgumentException for an unknown name, or an input the network cannot take
     *                                  (naming the network, the input and the layer)
     */
    public static Architecture build(String name, int[] input, int classes) {
        String key = name.toLowerCase(Locale.ROOT);
        Entry e = entry(key);
        Architecture.checkInput(input, classes);
        if (e.eeg() && input.length != 2) {
            throw new IllegalArgumentException(key + " is for 1-d [channels, time] inputs, got " + Arrays.toString(input));
        }
        try {
            if (e.notation() != null) {
                Notation n = Notation.parse(e.notation());
                return new Architecture(key, n.toString(), n.build(input, classes), input, classes);
            }
            ModelSpec spec = switch (key) {
                case "resnet18" -> ResNets.build(18, input, classes);
                case "resnet34" -> ResNets.build(34, input, classes);
                case "resnet50" -> ResNets.build(50, input, classes);
                default -> UNets.build(input, classes);
            };
            ShapeInference.outputShape(spec, input); // a graph is checked against its input here, not when built
            return new Architecture(key, null, spec, input, classes);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(key + " cannot take input " + Arrays.toString(input) + ": "
                    + (ex instanceof NotationException ne ? ne.reason() : ex.getMessage()), ex);
        }
    }

    private static Entry entry(String name) {
        Entry e = ENTRIES.get(name.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("no network '" + name + "' in the zoo; there are " + String.join(", ",
                    ENTRIES.keySet()));
        }
        return e;
    }
}
