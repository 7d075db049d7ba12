package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.ConvTransposeLayerSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.Layers;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Shapes and counts from the specs against the runtime layers that {@link Model#build} allocates. */
class ShapeInferenceTest {

    private static int[] withBatch(int[] shape) {
        int[] d = new int[shape.length + 1];
        d[0] = 1;
        System.arraycopy(shape, 0, d, 1, shape.length);
        return d;
    }

    /** Every zoo network at an input small enough to build its weights. */
    @TestFactory
    Stream<DynamicTest> everyLayersShapeAndParameterCountMatchTheBuiltModel() {
        return Zoo.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            int[] input = name.contains("eeg") || name.contains("convnet") ? new int[] {4, 600}
                    : name.equals("alexnet") ? new int[] {1, 70} : new int[] {2, 32};
            Architecture a = Zoo.build(name, input, 3);
            Model m = Model.build(a.spec());
            Summary s = a.summary();
            long total = 0;
            for (Summary.Row r : s.rows()) {
                if (r.type().equals("add") || r.type().equals("concat")) {
                    continue;
                }
                long built = m.layer(r.name()).parameters().stream().mapToLong(Parameter::size).sum();
                assertEquals(built, r.parameters(), r.name());
                total += built;
            }
            assertEquals(total, s.parameters());
            assertArrayEquals(m.outputShape(Shape.of(withBatch(input))).dims(), withBatch(s.output()));
        }));
    }

    @Test
    void convolutionShapesMatchTheRuntimeLayerOnRandomGeometries() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 300; t++) {
            int rank = 1 + rnd.nextInt(3);
            int[] in = new int[rank + 1];
            in[0] = 1 + rnd.nextInt(3);
            for (int a = 1; a <= rank; a++) {
                in[a] = 1 + rnd.nextInt(12);
            }
            int k = 1 + rnd.nextInt(5);
            int s = 1 + rnd.nextInt(3);
            int d = 1 + rnd.nextInt(2);
            Padding p = List.of(Padding.same(), Padding.valid(), Padding.of(rnd.nextInt(3))).get(rnd.nextInt(3));
            ConvLayerSpec c = new ConvLayerSpec(rank, in[0], 2, new int[] {k}, new int[] {s}, p, new int[] {d}, 1, true);
            ConvTransposeLayerSpec ct = new ConvTransposeLayerSpec(rank, in[0], 2, new int[] {k}, new int[] {s},
                    new int[] {rnd.nextInt(2)}, new int[] {0}, new int[] {d}, 1, true);
            for (var spec : List.of(c, ct)) {
                String built;
                try {
                    built = Arrays.toString(Layers.build(spec).outputShape(Shape.of(withBatch(in)))
                            .dropFirst().dims());
                } catch (IllegalArgumentException e) {
                    built = "error";
                }
                String inferred;
                try {
                    inferred = Arrays.toString(ShapeInference.outputShape(spec, in));
                } catch (IllegalArgumentException e) {
                    inferred = "error";
                }
                assertEquals(built, inferred, spec + " on " + Arrays.toString(in));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> aForwardPassGivesTheInferredOutputShape() {
        return Stream.of("resnet18", "resnet50", "unet", "eegnet", "deep-convnet", "lenet5").map(name ->
                DynamicTest.dynamicTest(name, () -> {
                    int[] input = switch (name) {
                        case "lenet5" -> new int[] {1, 16, 16, 16};
                        case "eegnet", "deep-convnet" -> new int[] {4, 600};
                        default -> new int[] {2, 32};
                    };
                    Architecture a = Zoo.build(name, input, 3);
                    Model m = Model.build(a.spec());
                    Init.initialise(m, 1, Init.Scheme.KAIMING_UNIFORM);
                    SplittableRandom rnd = new SplittableRandom(2);
                    FloatNd x = FloatNd.zeros(Shape.of(withBatch(input)));
                    for (int i = 0; i < x.shape().size(); i++) {
                        x.data()[i] = (float) rnd.nextGaussian();
                    }
                    assertArrayEquals(withBatch(a.summary().output()), m.forward(x, Pass.eval(1)).shape().dims());
                }));
    }

    @Test
    void graphShapesAreListedPerNodeInOrder() {
        Map<String, int[]> shapes = ShapeInference.shapes(Zoo.build("unet", new int[] {1, 16, 16}, 2).spec(),
                new int[] {1, 16, 16});
        assertArrayEquals(new int[] {1024, 1, 1}, shapes.get("bottom_relu2"));
        assertArrayEquals(new int[] {1024, 2, 2}, shapes.get("up4_concat"));
        assertEquals("down1_conv1", shapes.keySet().iterator().next());
    }

    @Test
    void anAddOfDifferentShapesIsRejectedNamingTheNode() {
        GraphSpec g = new GraphSpec(List.of(
                GraphSpec.Node.layer("c", ConvLayerSpec.of(1, 1, 2, 3, Padding.valid()), GraphSpec.INPUT),
                GraphSpec.Node.add("sum", "c", GraphSpec.INPUT)), "sum");
        var e = assertThrows(IllegalArgumentException.class, () -> ShapeInference.shapes(g, new int[] {1, 8}));
        assertTrue(e.getMessage().contains("'sum'") && e.getMessage().contains("[2, 6]"), e.getMessage());
    }
}
