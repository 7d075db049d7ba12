package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.junit.jupiter.api.Test;

class NotationBuildTest {

    private static List<LayerSpec> layers(String notation, int[] input, int classes) {
        return Notation.parse(notation).build(input, classes).layers().stream().map(NamedLayer::spec).toList();
    }

    private static ConvLayerSpec conv(int rank, int in, int out, int k, int s, Padding p, int d, int g, boolean bias) {
        return new ConvLayerSpec(rank, in, out, new int[] {k}, new int[] {s}, p, new int[] {d}, g, bias);
    }

    @Test
    void defaultsGive32FiltersDoublingAfterEachPoolingKernel3SameAndMaxPool2() {
        assertEquals(List.of(
                conv(2, 1, 32, 3, 1, Padding.same(), 1, 1, true), ReluSpec.relu(),
                conv(2, 32, 32, 3, 1, Padding.same(), 1, 1, true), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                conv(2, 32, 64, 3, 1, Padding.same(), 1, 1, true), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                new FlattenSpec(), new LinearSpec(64 * 7 * 7, 10, true)),
                layers("(CR)2PCRPF", new int[] {1, 28, 28}, 10));
    }

    @Test
    void explicitFiltersSetTheCountTheNextUnsizedConvolutionStartsFrom() {
        List<LayerSpec> l = layers("C[10]PCC", new int[] {3, 8}, 2);
        assertEquals(List.of(10, 20, 20), l.stream().filter(s -> s instanceof ConvLayerSpec)
                .map(s -> ((ConvLayerSpec) s).outChannels()).toList());
    }

    @Test
    void everyBracketParameterReachesTheSpec() {
        assertEquals(List.of(conv(1, 4, 8, 5, 2, Padding.of(1), 2, 4, false),
                        conv(1, 8, 8, 7, 1, Padding.valid(), 1, 1, true),
                        new PoolLayerSpec(PoolLayerSpec.Kind.AVG, 1, new int[] {3}, new int[] {2}),
                        new ReluSpec(0.1f), new FlattenSpec(), new DropoutSpec(0.25), new LinearSpec(8 * 7, 6, false)),
                layers("C[8,5,s2,p1,d2,g4,nobias]C[8,k7,valid]A[3,2]R[0.1]D[0.25]F[6,nobias]", new int[] {4, 50}, 3));
    }

    @Test
    void theRankComesFromTheInputShape() {
        for (int rank = 1; rank <= 3; rank++) {
            int[] input = new int[rank + 1];
            java.util.Arrays.fill(input, 8);
            ConvLayerSpec c = (ConvLayerSpec) layers("CRPF", input, 3).get(0);
            assertEquals(rank, c.rank());
        }
    }

    @Test
    void theFlattenGoesAheadOfTheDropoutBeforeTheFirstFullyConnectedLayer() {
        List<LayerSpec> l = layers("CPRDF[5]RF", new int[] {1, 4, 4}, 2);
        assertEquals(List.of("conv", "maxpool", "relu", "flatten", "dropout", "linear", "relu", "linear"),
                l.stream().map(LayerSpec::type).toList());
    }

    @Test
    void noFlattenFollowsGlobalAveragePooling() {
        List<LayerSpec> l = layers("C[16]BRGF", new int[] {3, 9, 9}, 4);
        assertEquals(List.of(new GlobalAvgPoolSpec(), new LinearSpec(16, 4, true)), l.subList(3, 5));
        assertEquals(BatchNormSpec.of(16), l.get(1));
    }

    @Test
    void layersAreNamedByTypeAndPositionFlattenIncluded() {
        SequentialSpec s = Notation.parse("CPF").build(new int[] {1, 4}, 2);
        assertEquals(List.of("conv1", "maxpool2", "flatten3", "linear4"),
                s.layers().stream().map(NamedLayer::name).toList());
    }

    @Test
    void anUnsizedFullyConnectedLayerBeforeTheLastIsRejectedAtItsLetter() {
        NotationException e = assertThrows(NotationException.class,
                () -> Notation.parse("CR F R F").build(new int[] {1, 8}, 2));
        assertEquals(4, e.position());
        assertEquals("F needs a size unless it is the last layer, e.g. F[128]", e.reason());
    }

    @Test
    void aPoolingLargerThanWhatRemainsIsRejectedAtItsLetterNamingTheShapes() {
        NotationException e = assertThrows(NotationException.class,
                () -> Notation.parse("(CP)3F").build(new int[] {1, 4, 4}, 2));
        assertEquals(3, e.position(), e.getMessage()); // the P inside the group, repeated
        assertTrue(e.reason().startsWith("P (maxpool6): ") && e.reason().contains("[128, 1, 1]"), e.reason());
    }

    @Test
    void poolPaddingReachesTheSpecAndTheShape() {
        SequentialSpec s = Notation.parse("P[3,2,p1]A[p1]").build(new int[] {4, 112, 112}, 2);
        assertEquals(List.of(new PoolLayerSpec(PoolLayerSpec.Kind.MAX, 2, new int[] {3}, new int[] {2}, new int[] {1}),
                        new PoolLayerSpec(PoolLayerSpec.Kind.AVG, 2, new int[] {2}, new int[] {2}, new int[] {1})),
                s.layers().stream().map(NamedLayer::spec).toList());
        // torch: MaxPool2d(3, 2, padding=1) takes 112 to 56, AvgPool2d(2, padding=1) 56 to 29
        assertEquals(List.of(4, 29, 29), java.util.Arrays.stream(ShapeInference.outputShape(s, new int[] {4, 112, 112}))
                .boxed().toList());
    }

    @Test
    void poolPaddingOverHalfTheKernelIsRejectedAtItsLetter() {
        NotationException e = assertThrows(NotationException.class,
                () -> Notation.parse("CP[2,p2]F").build(new int[] {1, 8, 8}, 2));
        assertEquals(2, e.position(), e.getMessage());
        assertTrue(e.reason().contains("padding [2, 2]"), e.reason());
    }

    @Test
    void aConvolutionAfterTheFlattenIsRejected() {
        NotationException e = assertThrows(NotationException.class,
                () -> Notation.parse("CF[4]C").build(new int[] {1, 4}, 2));
        assertEquals(6, e.position());
        assertTrue(e.reason().startsWith("C needs a feature map"), e.reason());
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreRejectedAtTheLetter() {
        NotationException e = assertThrows(NotationException.class,
                () -> Notation.parse("C[6,g4]").build(new int[] {4, 8}, 2));
        assertEquals(1, e.position());
        assertTrue(e.reason().contains("groups 4 must divide"), e.reason());
    }

    @Test
    void aNotationExpandingToTooManyLayersIsRejected() {
        NotationException e = assertThrows(NotationException.class,
                () -> Notation.parse("((CR)1000)1000").build(new int[] {1, 8}, 2));
        assertTrue(e.reason().contains("more than 10000 layers"), e.reason());
    }

    @Test
    void aBadInputShapeIsRejectedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> Notation.parse("CF").build(new int[] {1, 2, 3, 4, 5}, 2));
        assertTrue(e.getMessage().contains("[1, 2, 3, 4, 5]"), e.getMessage());
    }
}
