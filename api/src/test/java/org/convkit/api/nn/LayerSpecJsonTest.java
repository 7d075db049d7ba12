package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LayerSpecJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One spec of every kind, with non-default values so a field dropped on the way shows. */
    static Stream<LayerSpec> everySpecKind() {
        return Stream.of(
                new ConvLayerSpec(2, 4, 6, new int[] {3, 5}, new int[] {1, 2}, Padding.of(1, 2), new int[] {2, 1}, 2,
                        false),
                new ConvLayerSpec(1, 3, 8, new int[] {7}, new int[] {2}, Padding.same(), new int[] {1}, 1, true),
                new ConvLayerSpec(3, 1, 2, new int[] {3}, new int[] {1}, Padding.valid(), new int[] {1}, 1, true),
                new ConvTransposeLayerSpec(2, 8, 4, new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 0},
                        new int[] {1, 0}, new int[] {1, 1}, 2, false),
                ConvTransposeLayerSpec.upsample(3, 4, 2, 2),
                PoolLayerSpec.max(2, 2),
                new PoolLayerSpec(PoolLayerSpec.Kind.AVG, 1, new int[] {4}, new int[] {3}),
                new PoolLayerSpec(PoolLayerSpec.Kind.MAX, 2, new int[] {3, 4}, new int[] {2, 1}, new int[] {1, 0}),
                new GlobalAvgPoolSpec(),
                ReluSpec.relu(),
                new ReluSpec(0.01f),
                new LinearSpec(120, 84, true),
                new LinearSpec(3, 2, false),
                new FlattenSpec(),
                new DropoutSpec(0.3),
                new BatchNormSpec(16, 0.05, 1e-3));
    }

    @ParameterizedTest
    @MethodSource("everySpecKind")
    void everyLayerSpecRoundTripsToAnEqualSpec(LayerSpec spec) {
        assertEquals(spec, LayerSpecJson.fromJson(LayerSpecJson.toJson(spec)));
    }

    @ParameterizedTest
    @MethodSource("everySpecKind")
    void everyLayerSpecRoundTripsThroughJsonText(LayerSpec spec) throws Exception {
        String text = LayerSpecJson.toJson(spec).toString();
        assertEquals(spec, LayerSpecJson.fromJson(JSON.readTree(text)));
    }

    @ParameterizedTest
    @MethodSource("everySpecKind")
    void typeIsTheFirstFieldAndMatchesTheSpec(LayerSpec spec) {
        ObjectNode o = LayerSpecJson.toJson(spec);
        assertEquals("type", o.fieldNames().next());
        assertEquals(spec.type(), o.get("type").asText());
    }

    @Test
    void everyPermittedSpecClassIsCovered() {
        Set<Class<?>> covered = everySpecKind().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(LayerSpec.class.getPermittedSubclasses()), covered);
    }

    @Test
    void convFieldsAreExplicitAndNamedAsTheRecord() {
        ObjectNode o = LayerSpecJson.toJson(ConvLayerSpec.of(2, 1, 6, 5, Padding.same()));
        assertEquals(List.of("type", "rank", "inChannels", "outChannels", "kernel", "stride", "padding", "dilation",
                "groups", "bias"), iterate(o));
        assertEquals("same", o.get("padding").asText());
        assertEquals(2, o.get("kernel").size());
    }

    @Test
    void explicitPaddingIsAnArrayOfAmounts() {
        JsonNode p = LayerSpecJson.toJson(ConvLayerSpec.of(2, 1, 1, 3, Padding.of(1))).get("padding");
        assertTrue(p.isArray());
        assertEquals(2, p.size());
    }

    @Test
    void poolPaddingIsWrittenOnlyWhenSomeAxisIsPadded() {
        // files written before pooling had padding keep their bytes when read and written again
        assertEquals("{\"type\":\"maxpool\",\"rank\":2,\"kernel\":[2,2],\"stride\":[2,2]}",
                LayerSpecJson.toJson(PoolLayerSpec.max(2, 2)).toString());
        assertEquals("{\"type\":\"avgpool\",\"rank\":1,\"kernel\":[3],\"stride\":[2],\"padding\":[1]}",
                LayerSpecJson.toJson(new PoolLayerSpec(PoolLayerSpec.Kind.AVG, 1, new int[] {3}, new int[] {2},
                        new int[] {1})).toString());
    }

    @Test
    void poolWithoutPaddingFieldReadsAsUnpaddedAndExplicitZeroAsWell() throws Exception {
        assertEquals(PoolLayerSpec.max(2, 2),
                LayerSpecJson.fromJson(JSON.readTree("{\"type\":\"maxpool\",\"rank\":2,\"kernel\":[2,2],\"stride\":[2,2]}")));
        assertEquals(PoolLayerSpec.max(2, 2), LayerSpecJson.fromJson(JSON.readTree(
                "{\"type\":\"maxpool\",\"rank\":2,\"kernel\":[2,2],\"stride\":[2,2],\"padding\":[0,0]}")));
    }

    @Test
    void poolPaddingOverHalfTheKernelIsReportedWithTheLayerType() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSpecJson.fromJson(
                JSON.readTree("{\"type\":\"maxpool\",\"rank\":1,\"kernel\":[3],\"stride\":[2],\"padding\":[2]}")));
        assertTrue(e.getMessage().contains("maxpool") && e.getMessage().contains("padding [2]"), e.getMessage());
    }

    @Test
    void sameSpecAlwaysGivesTheSameText() {
        LayerSpec s = new BatchNormSpec(8, 0.1, 1e-5);
        assertEquals(LayerSpecJson.toJson(s).toString(), LayerSpecJson.toJson(s).toString());
    }

    @Test
    void sequentialModelRoundTrips() {
        SequentialSpec m = ModelSpecs.lenet();
        assertEquals(m, LayerSpecJson.modelFromJson(LayerSpecJson.toJson(m)));
    }

    @Test
    void graphModelWithAddAndConcatRoundTrips() {
        GraphSpec g = ModelSpecs.residualWithSkip();
        assertEquals(g, LayerSpecJson.modelFromJson(LayerSpecJson.toJson(g)));
    }

    @Test
    void unknownTypeNamesTheFieldAndValue() {
        String m = error("{\"type\":\"conv4d\",\"rank\":4}");
        assertTrue(m.contains("'type'") && m.contains("conv4d"), m);
    }

    @Test
    void missingFieldIsNamed() {
        String m = error("{\"type\":\"linear\",\"inFeatures\":3,\"bias\":true}");
        assertTrue(m.contains("'outFeatures'"), m);
    }

    @Test
    void fieldOfTheWrongTypeNamesFieldAndValue() {
        String m = error("{\"type\":\"linear\",\"inFeatures\":3,\"outFeatures\":\"two\",\"bias\":true}");
        assertTrue(m.contains("'outFeatures'") && m.contains("\"two\""), m);
        String k = error("{\"type\":\"maxpool\",\"rank\":2,\"kernel\":[2,2.5],\"stride\":[2,2]}");
        assertTrue(k.contains("'kernel'") && k.contains("2.5"), k);
    }

    @Test
    void unknownFieldIsRejectedByName() {
        String m = error("{\"type\":\"dropout\",\"p\":0.5,\"rate\":0.5}");
        assertTrue(m.contains("'rate'"), m);
    }

    @Test
    void valueTheSpecRefusesIsReportedWithTheLayerType() {
        String m = error("{\"type\":\"dropout\",\"p\":1.5}");
        assertTrue(m.contains("dropout") && m.contains("1.5"), m);
    }

    @Test
    void badPaddingWordNamesTheValue() {
        String m = error("{\"type\":\"conv\",\"rank\":1,\"inChannels\":1,\"outChannels\":1,\"kernel\":[3],"
                + "\"stride\":[1],\"padding\":\"full\",\"dilation\":[1],\"groups\":1,\"bias\":true}");
        assertTrue(m.contains("'padding'") && m.contains("full"), m);
    }

    @Test
    void notAnObjectIsAnError() {
        assertFalse(error("[1,2]").isEmpty());
    }

    @Test
    void layerErrorsInAModelNameTheLayer() throws Exception {
        JsonNode n = JSON.readTree("{\"kind\":\"sequential\",\"layers\":[{\"name\":\"fc1\","
                + "\"layer\":{\"type\":\"linear\",\"inFeatures\":-3,\"outFeatures\":2,\"bias\":true}}]}");
        String m = assertThrows(IllegalArgumentException.class, () -> LayerSpecJson.modelFromJson(n)).getMessage();
        assertTrue(m.contains("'fc1'") && m.contains("-3"), m);
    }

    @Test
    void graphNodeReadingALaterNodeIsAnError() throws Exception {
        JsonNode n = JSON.readTree("{\"kind\":\"graph\",\"output\":\"a\",\"nodes\":["
                + "{\"name\":\"a\",\"kind\":\"add\",\"inputs\":[\"input\",\"b\"]},"
                + "{\"name\":\"b\",\"kind\":\"layer\",\"inputs\":[\"input\"],\"layer\":{\"type\":\"relu\"}}]}");
        String m = assertThrows(IllegalArgumentException.class, () -> LayerSpecJson.modelFromJson(n)).getMessage();
        assertTrue(m.contains("'b'"), m);
    }

    @Test
    void unknownModelKindNamesTheValue() throws Exception {
        JsonNode n = JSON.readTree("{\"kind\":\"recurrent\",\"layers\":[]}");
        String m = assertThrows(IllegalArgumentException.class, () -> LayerSpecJson.modelFromJson(n)).getMessage();
        assertTrue(m.contains("'kind'") && m.contains("recurrent"), m);
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> LayerSpecJson.fromJson(JSON.readTree(json)))
                .getMessage();
    }

    private static List<String> iterate(ObjectNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
