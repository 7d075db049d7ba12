package org.convkit.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.explain.Baseline;
import org.convkit.api.nn.explain.FeatureMaps;
import org.convkit.api.nn.explain.Occlusion;
import org.convkit.api.nn.explain.OcclusionConfig;
import org.convkit.api.nn.explain.Saliency;
import org.convkit.api.nn.explain.Scorer;
import org.convkit.api.nn.explain.Shapley;
import org.convkit.api.nn.explain.ShapleyConfig;
import org.convkit.api.nn.explain.ShapleyValues;
import org.convkit.api.nn.explain.SmoothGrad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit explain}: which parts of an input a class score depends on, as a picture or an array. */
@Command(name = "explain", description = {
        "Explains a model's class score for one input FILE (.npy, the model's input shape [C, ...]).",
        "Methods: saliency (gradient of the logit; SmoothGrad with --noise), shapley (sampled Shapley values",
        "of segments; they sum to f(x) - f(baseline)), occlusion (score drop under a sliding patch),",
        "feature-maps (the output of --layer) and filters (the first convolution's weights; no FILE).",
        "OUTPUT .png draws the result (over the input); .npy holds the numbers. Written atomically.",
        "",
        "Examples:",
        "  convkit explain --model digits.ckpt digit.npy --method saliency -o why.png",
        "  convkit explain --model digits.ckpt digit.npy --method shapley --samples 200 --segment 7 --seed 1 -o shap.npy",
        "  convkit explain --model eeg.ckpt window.npy --method occlusion --patch 32 -o occ.png",
        "  convkit explain --model digits.ckpt --method filters -o filters.png"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "The model file (.ckpt).")
    Path model;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The input (.npy).")
    Path file;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "saliency, shapley, occlusion, feature-maps or filters.")
    String method;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Where to write (.png or .npy).")
    Path output;

    @Option(names = "--class", paramLabel = "K", description = "The class to explain (default: the predicted one).")
    Integer cls;

    @Option(names = "--samples", paramLabel = "N",
            description = "Shapley permutations (default 200) or SmoothGrad copies (default 25).")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--segment", paramLabel = "N",
            description = "Shapley segment edge in positions (default: an eighth of the longest axis).")
    Integer segment;

    @Option(names = "--antithetic", description = "Shapley: pair each permutation with its reverse.")
    boolean antithetic;

    @Option(names = "--noise", paramLabel = "F", defaultValue = "0",
            description = "SmoothGrad noise as a fraction of the input range (default: ${DEFAULT-VALUE}, plain gradient).")
    double noise;

    @Option(names = "--baseline", paramLabel = "zero|mean", defaultValue = "zero",
            description = "What removed parts become (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--patch", paramLabel = "N", description = "Occlusion patch edge (default: an eighth of the longest axis).")
    Integer patch;

    @Option(names = "--stride", paramLabel = "N", description = "Occlusion stride (default: half the patch).")
    Integer stride;

    @Option(names = "--layer", paramLabel = "LAYER", description = "The layer of feature-maps.")
    String layer;

    @Override
    public Integer call() throws IOException {
        String ext = extension(output);
        if (!ext.equals("png") && !ext.equals("npy")) {
            throw new BadInputException(output + ": unknown extension '" + ext + "' (use .png or .npy)");
        }
        String m = method.toLowerCase(Locale.ROOT);
        if (!java.util.List.of("saliency", "shapley", "occlusion", "feature-maps", "filters").contains(m)) {
            throw new BadInputException("unknown --method '" + method
                    + "' (use saliency, shapley, occlusion, feature-maps or filters)");
        }
        Baseline base = Baseline.parse(baseline);
        LoadedModel loaded = ModelFile.load(model);
        PrintWriter out = spec.commandLine().getOut();
        if (m.equals("filters")) {
            FloatNd w = FeatureMaps.firstLayerFilters(loaded.model());
            write(w, () -> Pictures.filters(w));
            out.println("filters " + w.shape() + " written to " + output);
            return ExitCodes.OK;
        }
        if (file == null) {
            throw new BadInputException("--method " + m + " needs an input FILE");
        }
        FloatNd x = ModelInputs.one(file, loaded);
        Scorer scorer = Scorer.of(loaded, threads.threads());
        if (m.equals("feature-maps")) {
            if (layer == null) {
                throw new BadInputException("--method feature-maps needs --layer; layers are "
                        + loaded.model().layerNames());
            }
            FloatNd maps = FeatureMaps.of(scorer, layer, x);
            write(maps, () -> Pictures.featureMaps(maps));
            out.println("feature maps of '" + layer + "' " + maps.shape() + " written to " + output);
            return ExitCodes.OK;
        }
        float[] scores = scorer.sampleScores(x);
        int k = cls != null ? cls : argmax(scores);
        if (k < 0 || k >= scores.length) {
            throw new BadInputException("--class " + k + " is outside the model's " + scores.length + " classes");
        }
        String summary = "class " + k + className(loaded, k) + " score " + scores[k];
        int edge = Math.max(1, (longestAxis(x) + 7) / 8);
        switch (m) {
            case "saliency" -> {
                if (noise < 0 || noise > 1) {
                    throw new BadInputException("--noise must be in [0, 1], got " + noise);
                }
                FloatNd g = noise > 0
                        ? Saliency.smoothGrad(scorer, x, k,
                                new SmoothGrad(positive("--samples", samples, 25), noise, seed))
                        : Saliency.gradient(scorer, x, k);
                write(g, () -> Pictures.attribution(x.shape().rank() == 2 ? abs(g) : g, x, false));
            }
            case "shapley" -> {
                int seg = positive("--segment", segment, edge);
                ShapleyValues v = Shapley.estimate(scorer, x, k, new ShapleyConfig(seg,
                        positive("--samples", samples, 200), antithetic, base, seed));
                FloatNd map = v.map();
                write(map, () -> Pictures.attribution(map, x, true));
                summary += "; " + v.values().length + " segments sum to " + (v.score() - v.baselineScore())
                        + " = f(x) - f(baseline)";
            }
            default -> {
                int p = positive("--patch", patch, edge);
                FloatNd map = Occlusion.map(scorer, x, k, new OcclusionConfig(p, positive("--stride", stride,
                        Math.max(1, p / 2)), base));
                write(map, () -> Pictures.attribution(map, x, true));
            }
        }
        out.println(summary + "; " + m + " written to " + output);
        return ExitCodes.OK;
    }

    private void write(FloatNd array, java.util.function.Supplier<BufferedImage> picture) throws IOException {
        if (extension(output).equals("npy")) {
            Npy.write(output, array);
        } else {
            Pictures.write(output, picture.get());
        }
    }

    private static int positive(String option, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 1) {
            throw new BadInputException(option + " must be at least 1, got " + v);
        }
        return v;
    }

    private static String className(LoadedModel loaded, int k) {
        var names = loaded.metadata().classNames();
        return k < names.size() ? " ('" + names.get(k) + "')" : "";
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int longestAxis(FloatNd x) {
        int longest = 1;
        for (int a = 1; a < x.shape().rank(); a++) {
            longest = Math.max(longest, x.shape().dim(a));
        }
        return longest;
    }

    private static FloatNd abs(FloatNd g) {
        float[] d = g.toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i]);
        }
        return FloatNd.of(g.shape(), d);
    }

    private static String extension(Path p) {
        String name = String.valueOf(p.getFileName());
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
