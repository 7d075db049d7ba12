package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.MovingAverageFilter;
import org.convkit.api.signal.NotchFilter;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Metadata with every optional part present. */
    static ModelMetadata full() {
        return new ModelMetadata(List.of("left", "right", "rest"), new int[] {2, 256},
                new ModelMetadata.Normalisation(new double[] {0.1, -0.25}, new double[] {1.5, 0.3}),
                FilterChain.of(new MovingAverageFilter(3),
                        new ButterworthFilter(Butterworth.Band.BANDPASS, 4, new double[] {1, 40}, 256, true),
                        new NotchFilter(50, 30, 256, false)),
                new ModelMetadata.Provenance("0.1.0", 42, "eeg/train split 0.8", "2026-11-27T05:00:00Z", "17.0.9"));
    }

    /** Metadata without normalisation or preprocessing. */
    static ModelMetadata bare() {
        return new ModelMetadata(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), new int[] {1, 28, 28},
                null, null, new ModelMetadata.Provenance("0.1.0", 7, "mnist-10k", "2026-11-27T05:00:00Z", "17"));
    }

    @Test
    void fullMetadataRoundTripsThroughJsonText() throws Exception {
        String text = full().toJson().toString();
        assertEquals(full(), ModelMetadata.fromJson(JSON.readTree(text)));
    }

    @Test
    void absentNormalisationAndPreprocessingAreJsonNullAndRoundTrip() {
        ObjectNode o = bare().toJson();
        assertTrue(o.get("normalisation").isNull() && o.get("preprocessing").isNull(), o.toString());
        assertEquals(bare(), ModelMetadata.fromJson(o));
    }

    @Test
    void fieldsAreWrittenInTheDocumentedOrder() {
        List<String> names = new java.util.ArrayList<>();
        full().toJson().fieldNames().forEachRemaining(names::add);
        assertEquals(ModelMetadata.FIELDS, names);
    }

    @Test
    void preprocessingIsTheFilterChainsOwnJson() {
        assertEquals(full().preprocessing().toJson(), full().toJson().get("preprocessing").toString());
    }

    @Test
    void normalisationMustMatchTheInputChannels() {
        var norm = new ModelMetadata.Normalisation(new double[] {0}, new double[] {1});
        var prov = bare().provenance();
        String m = assertThrows(IllegalArgumentException.class,
                () -> new ModelMetadata(List.of(), new int[] {3, 8, 8}, norm, null, prov)).getMessage();
        assertTrue(m.contains("1 channels") && m.contains("[3, 8, 8]"), m);
    }

    @Test
    void nonPositiveStdIsRefusedNamingTheChannel() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new ModelMetadata.Normalisation(new double[] {0, 0}, new double[] {1, 0})).getMessage();
        assertTrue(m.contains("channel 1") && m.contains("std 0.0"), m);
    }

    @Test
    void inputShapeWithAZeroIsRefused() {
        var prov = bare().provenance();
        String m = assertThrows(IllegalArgumentException.class,
                () -> new ModelMetadata(List.of(), new int[] {1, 0}, null, null, prov)).getMessage();
        assertTrue(m.contains("[1, 0]"), m);
    }

    @Test
    void duplicateClassNamesAreRefused() {
        var prov = bare().provenance();
        String m = assertThrows(IllegalArgumentException.class,
                () -> new ModelMetadata(List.of("a", "b", "a"), new int[] {1}, null, null, prov)).getMessage();
        assertTrue(m.contains("[a, b, a]"), m);
    }

    @Test
    void missingProvenanceFieldIsNamed() {
        ObjectNode o = bare().toJson();
        ((ObjectNode) o.get("provenance")).remove("seed");
        String m = assertThrows(IllegalArgumentException.class, () -> ModelMetadata.fromJson(o)).getMessage();
        assertTrue(m.contains("provenance") && m.contains("'seed'"), m);
    }

    @Test
    void invalidPreprocessingNamesTheField() throws Exception {
        ObjectNode o = bare().toJson();
        o.set("preprocessing", JSON.readTree("[{\"type\":\"wavelet\"}]"));
        String m = assertThrows(IllegalArgumentException.class, () -> ModelMetadata.fromJson(o)).getMessage();
        assertTrue(m.contains("'preprocessing'") && m.contains("wavelet"), m);
    }

    @Test
    void invalidNormalisationValueIsReported() throws Exception {
        ObjectNode o = bare().toJson();
        o.set("normalisation", JSON.readTree("{\"mean\":[0],\"std\":[-1]}"));
        String m = assertThrows(IllegalArgumentException.class, () -> ModelMetadata.fromJson(o)).getMessage();
        assertTrue(m.contains("normalisation") && m.contains("-1.0"), m);
    }
}
