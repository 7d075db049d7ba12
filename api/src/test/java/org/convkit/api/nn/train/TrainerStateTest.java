package org.convkit.api.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrainerState sample() {
        Map<String, float[]> w = new LinkedHashMap<>();
        w.put("conv1.weight", new float[] {1.5f, -0f, Float.MIN_VALUE, 3.4028235e38f, 0.1f});
        w.put("bn.running_var", new float[] {Float.NaN, 1f});
        List<EpochReport> h = List.of(
                new EpochReport(1, 2.302585092994046, 0.1, Double.NaN, Double.NaN, 1e-3, 1.25, true),
                new EpochReport(2, 1.0 / 3, 0.75, Double.POSITIVE_INFINITY, 0.5, 5e-4, 0.5, false));
        return new TrainerState(3, -8_123_456_789_012_345L, 64, 1e-3, Metric.ACCURACY, 0.1, 1, 1, false, h, w);
    }

    @Test
    void jsonTextRoundTripKeepsEveryFieldBitForBit() throws Exception {
        TrainerState s = sample();
        String text = JSON.writeValueAsString(s.toJson());
        TrainerState back = TrainerState.fromJson(JSON.readTree(text));
        assertEquals(s.history(), back.history());
        assertEquals(List.of(s.nextEpoch(), s.seed(), s.batchSize(), s.baseLearningRate(), s.monitored(),
                s.bestValue(), s.bestEpoch(), s.sinceBest(), s.stopped()),
                List.of(back.nextEpoch(), back.seed(), back.batchSize(), back.baseLearningRate(), back.monitored(),
                        back.bestValue(), back.bestEpoch(), back.sinceBest(), back.stopped()));
        assertEquals(s.bestWeights().keySet().stream().toList(), back.bestWeights().keySet().stream().toList());
        for (String k : s.bestWeights().keySet()) {
            assertArrayEquals(s.bestWeights().get(k), back.bestWeights().get(k));
        }
        assertEquals(text, JSON.writeValueAsString(back.toJson()));
    }

    @Test
    void nanFiguresAreWrittenAsNullSoTheJsonIsStandard() {
        ObjectNode o = sample().toJson();
        assertTrue(o.get("history").get(0).get("validationLoss").isNull());
        assertEquals("Infinity", o.get("history").get(1).get("validationLoss").asText());
    }

    @Test
    void newerFormatIsRefused() {
        ObjectNode o = sample().toJson().put("format", TrainerState.FORMAT + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerState.fromJson(o));
        assertTrue(e.getMessage().contains("format 2 is newer"), e.getMessage());
    }

    @Test
    void missingFieldIsNamed() {
        ObjectNode o = sample().toJson();
        o.remove("seed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerState.fromJson(o));
        assertTrue(e.getMessage().contains("missing field 'seed'"), e.getMessage());
    }

    @Test
    void historyMustCoverTheEpochsBeforeTheNextOne() {
        TrainerState s = sample();
        assertThrows(IllegalArgumentException.class, () -> new TrainerState(4, 1, 64, 1e-3, Metric.LOSS, 1, 1, 0,
                false, s.history(), Map.of()));
    }
}
