package org.convkit.api.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * The real models behind the format-version-1 files kept in {@code src/test/resources/models}
 * (see {@link ModelFileResourcesTest}): specs, metadata and seeded tensor values are all here, so a
 * test can rebuild exactly what the file must hold.
 */
final class V1Models {
    /** The seeds that filled the tensors of {@code v1-mlp.ckpt} and {@code v1-graph.ckpt}. */
    static final long MLP_SEED = 2026;
    static final long GRAPH_SEED = 11;
    static final long CNN_SEED = 303;

    private V1Models() {
    }

    /** A 1 x 4 x 3 input classifier: flatten, linear, batch norm, leaky ReLU, dropout, linear. */
    static SequentialSpec mlpSpec() {
        return SequentialSpec.of(new FlattenSpec(), new LinearSpec(12, 8, true), BatchNormSpec.of(8),
                new ReluSpec(0.01f), new DropoutSpec(0.25), new LinearSpec(8, 3, true));
    }

    /** A graph with a residual add and a concatenation of features, on {@code [N, 6]} inputs. */
    static GraphSpec graphSpec() {
        return new GraphSpec(List.of(
                GraphSpec.Node.layer("fc1", new LinearSpec(6, 6, true), GraphSpec.INPUT),
                GraphSpec.Node.layer("bn1", BatchNormSpec.of(6), "fc1"),
                GraphSpec.Node.layer("act1", ReluSpec.relu(), "bn1"),
                GraphSpec.Node.add("res", "act1", GraphSpec.INPUT),
                GraphSpec.Node.layer("fc2", new LinearSpec(6, 4, false), "res"),
                GraphSpec.Node.concat("cat", "fc2", "res"),
                GraphSpec.Node.layer("head", new LinearSpec(10, 2, true), "cat")), "head");
    }

    /**
     * A 2-d CNN on {@code [N, 1, 8, 8]}: convolution, batch norm, ReLU, max pooling, a transposed
     * convolution up-sampling back to 8 x 8, a strided grouped convolution, global pooling, linear.
     */
    static SequentialSpec cnnSpec() {
        return SequentialSpec.of(
                ConvLayerSpec.of(2, 1, 4, 3, Padding.same()),
                BatchNormSpec.of(4),
                ReluSpec.relu(),
                PoolLayerSpec.max(2, 2),
                ConvTransposeLayerSpec.upsample(2, 4, 4, 2),
                new ConvLayerSpec(2, 4, 6, new int[] {3}, new int[] {2}, Padding.of(1), new int[] {1}, 2, false),
                new GlobalAvgPoolSpec(),
                new LinearSpec(6, 5, true));
    }

    static ModelMetadata cnnMetadata() {
        return new ModelMetadata(List.of("a", "b", "c", "d", "e"), new int[] {1, 8, 8},
                new ModelMetadata.Normalisation(new double[] {0.1307}, new double[] {0.3081}), null,
                new ModelMetadata.Provenance("0.1.0-SNAPSHOT", 303, "synthetic: V1Models.cnn", "2026-11-27T06:05:00Z",
                        "17"));
    }

    static ModelMetadata mlpMetadata() {
        return new ModelMetadata(List.of("cat", "dog", "bird"), new int[] {1, 4, 3},
                new ModelMetadata.Normalisation(new double[] {0.5}, new double[] {0.25}), null,
                new ModelMetadata.Provenance("0.1.0-SNAPSHOT", 2026, "synthetic: V1Models.mlp", "2026-11-27T05:30:00Z",
                        "17"));
    }

    static ModelMetadata graphMetadata() {
        return new ModelMetadata(List.of("no", "yes"), new int[] {6}, null, ModelMetadataTest.full().preprocessing(),
                new ModelMetadata.Provenance("0.1.0-SNAPSHOT", 11, "synthetic: V1Models.graph", "2026-11-27T05:30:00Z",
                        "17"));
    }

    /** The model of {@code spec} built with the real layers, every tensor filled from {@code seed}. */
    static Model build(ModelSpec spec, long seed) {
        Model m = Model.build(spec);
        fill(m, seed);
        return m;
    }

    /**
     * Fills parameters with Gaussians and buffers with positive values (running variances must be
     * positive) in the model's order, from one seeded generator.
     */
    static void fill(Model m, long seed) {
        Random r = new Random(seed);
        for (Parameter p : m.parameters().values()) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) r.nextGaussian();
            }
        }
        for (Parameter p : m.buffers().values()) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = 0.5f + r.nextFloat();
            }
        }
    }

    /** A seeded input batch of {@code n} items for a model whose input is {@code item}. */
    static FloatNd input(int n, int[] item, long seed) {
        List<Integer> dims = new ArrayList<>(List.of(n));
        for (int d : item) {
            dims.add(d);
        }
        Shape s = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
        Random r = new Random(seed);
        float[] x = new float[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return FloatNd.of(s, x);
    }
}
