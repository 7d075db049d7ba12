package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.SequentialSpec;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void tableListsNameTypeShapeAndParametersWithATotal() {
        String table = Architecture.fromNotation("C[4]PF", new int[] {1, 6, 6}, 3).summary().table();
        // conv: 4 * 1 * 3 * 3 + 4 = 40; linear: 4 * 3 * 3 * 3 + 3 = 111
        assertEquals(String.join("\n",
                "layer     type     output shape  parameters",
                "conv1     conv     [4, 6, 6]             40",
                "maxpool2  maxpool  [4, 3, 3]              0",
                "flatten3  flatten  [36]                   0",
                "linear4   linear   [3]                  111",
                "total parameters: 151", ""), table);
    }

    @Test
    void aModelBuiltFromNotationKeepsItsNotation() {
        assertEquals("(CR)2P", Architecture.fromNotation("( C R )2 P", new int[] {1, 8}, 2).summary().notation());
    }

    @Test
    void aSequentialSpecWithoutNotationGetsADerivedOne() {
        SequentialSpec s = SequentialSpec.of(new ConvLayerSpec(1, 2, 8, new int[] {5}, new int[] {1}, Padding.valid(),
                new int[] {1}, 1, true), new FlattenSpec(), new LinearSpec(8 * 4, 2, true));
        assertEquals("C[8,5,valid]F[2]", Summary.of(s, new int[] {2, 8}).notation());
    }

    @Test
    void graphsHaveNoNotationAndRowsForTheirAddNodes() {
        Summary s = Zoo.build("resnet18", new int[] {3, 64, 64}, 10).summary();
        assertNull(s.notation());
        assertEquals(8, s.rows().stream().filter(r -> r.type().equals("add")).count());
        assertEquals(0, s.rows().stream().filter(r -> r.type().equals("add")).mapToLong(Summary.Row::parameters).sum());
    }
}
