package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/** Tiny seeded classifiers saved as model files, and random inputs, for the explain and features commands. */
final class TinyModels {
    private TinyModels() {
    }

    /** conv(C -> 2, k3, same) relu flatten fc(-> 3) for inputs {@code [C, spatial...]}, saved to {@code file}. */
    static Path save(Path file, int... inputShape) throws IOException {
        int rank = inputShape.length - 1;
        int[] k = new int[rank];
        int[] one = new int[rank];
        Arrays.fill(k, 3);
        Arrays.fill(one, 1);
        int flat = 2 * Shape.of(inputShape).size() / inputShape[0];
        List<NamedLayer> layers = new ArrayList<>();
        layers.add(new NamedLayer("conv1",
                new ConvLayerSpec(rank, inputShape[0], 2, k, one, Padding.same(), one, 1, true)));
        layers.add(new NamedLayer("relu1", ReluSpec.relu()));
        layers.add(new NamedLayer("flat", new FlattenSpec()));
        layers.add(new NamedLayer("fc", new LinearSpec(flat, 3, true)));
        Model m = Model.build(new SequentialSpec(layers));
        Init.initialise(m, 1, Init.Scheme.PYTORCH_DEFAULT);
        ModelFile.save(file, m, new ModelMetadata(List.of("a", "b", "c"), inputShape, null, null,
                new ModelMetadata.Provenance("test", 1, "none", "2026-01-01T00:00:00Z", "17")));
        return file;
    }

    static FloatNd random(long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = Shape.of(shape);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextDouble();
        }
        return FloatNd.of(s, d);
    }
}
