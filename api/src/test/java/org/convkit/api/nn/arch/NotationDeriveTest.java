package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.ConvTransposeLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.junit.jupiter.api.Test;

class NotationDeriveTest {

    @Test
    void aHandBuiltModelGetsItsNotationWithRepeatsFolded() {
        SequentialSpec s = SequentialSpec.of(
                ConvLayerSpec.of(2, 3, 16, 3, Padding.same()), ReluSpec.relu(),
                ConvLayerSpec.of(2, 16, 16, 3, Padding.same()), ReluSpec.relu(),
                ConvLayerSpec.of(2, 16, 16, 3, Padding.same()), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                new FlattenSpec(), new DropoutSpec(0.5), new LinearSpec(16 * 8 * 8, 10, true));
        assertEquals(Optional.of("(C[16]R)3PDF[10]"), Notation.derive(s, new int[] {3, 16, 16}));
    }

    @Test
    void theShortestOfTheFoldedAndTheDefaultRelyingFormsIsChosen() {
        SequentialSpec s = SequentialSpec.of(ConvLayerSpec.of(1, 3, 16, 3, Padding.same()), ReluSpec.relu(),
                ConvLayerSpec.of(1, 16, 16, 3, Padding.same()), ReluSpec.relu());
        // "C[16]RCR" (the second conv repeats the first's filters by default) is shorter than "(C[16]R)2"
        assertEquals(Optional.of("C[16]RCR"), Notation.derive(s, new int[] {3, 16}));
    }

    @Test
    void defaultFilterCountsAreLeftOutWhenThatIsShorter() {
        SequentialSpec built = Notation.parse("(CR)2P(CR)2P(CR)2PF").build(new int[] {1, 28, 28}, 10);
        assertEquals(Optional.of("((CR)2P)3F[10]"), Notation.derive(built, new int[] {1, 28, 28}));
    }

    @Test
    void everyZooNotationDerivesToOneThatBuildsTheSameLayers() {
        for (String name : Zoo.names()) {
            if (Zoo.notation(name).isEmpty()) {
                continue;
            }
            int[] input = name.contains("eeg") || name.contains("convnet") ? new int[] {8, 1000} : new int[] {3, 224, 224};
            SequentialSpec s = (SequentialSpec) Zoo.build(name, input, 7).spec();
            String derived = Notation.derive(s, input).orElseThrow(() -> new AssertionError(name));
            assertEquals(specs(s), specs(Notation.parse(derived).build(input, 7)), name + ": " + derived);
        }
    }

    @Test
    void paddedPoolingDerivesToItsPaddingParameterAndBuildsBack() {
        int[] input = {3, 32, 32};
        SequentialSpec s = Notation.parse("C[8]P[3,2,p1]CA[p1]F").build(input, 4);
        String derived = Notation.derive(s, input).orElseThrow();
        assertEquals("C[8]P[3,2,p1]CA[p1]F[4]", derived);
        assertEquals(s, Notation.parse(derived).build(input, 4));
    }

    @Test
    void aTransposedConvolutionHasNoLetter() {
        SequentialSpec s = SequentialSpec.of(ConvTransposeLayerSpec.upsample(1, 2, 2, 2));
        assertTrue(Notation.derive(s, new int[] {2, 8}).isEmpty());
    }

    @Test
    void perAxisKernelsHaveNoLetter() {
        SequentialSpec s = SequentialSpec.of(new ConvLayerSpec(2, 1, 4, new int[] {3, 5}, new int[] {1},
                Padding.same(), new int[] {1}, 1, true));
        assertTrue(Notation.derive(s, new int[] {1, 8, 8}).isEmpty());
    }

    @Test
    void aFlattenWhereTheBuilderWouldNotPutItHasNoNotation() {
        SequentialSpec s = SequentialSpec.of(ConvLayerSpec.of(1, 1, 4, 3, Padding.same()), new FlattenSpec(),
                ReluSpec.relu());
        assertTrue(Notation.derive(s, new int[] {1, 8}).isEmpty());
    }

    private static List<?> specs(SequentialSpec s) {
        return s.layers().stream().map(NamedLayer::spec).toList();
    }
}
