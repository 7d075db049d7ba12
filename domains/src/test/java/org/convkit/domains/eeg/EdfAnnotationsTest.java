package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.io.DataFileException;
import org.junit.jupiter.api.Test;

/** Time-stamped annotation lists as the EDF+ specification's section 2.2 writes them. */
class EdfAnnotationsTest {

    private static final Path FILE = Path.of("x.edf");

    private static byte[] bytes(String s, int padTo) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, Math.max(b.length, padTo));
    }

    @Test
    void specificationExampleGivesTwoEventsAtOneOnsetAndOneWithDuration() throws DataFileException {
        // the specification's examples: a time-keeping TAL, two texts sharing an onset, a duration
        byte[] b = bytes("+0\u0014\u0014\u0000+180\u0014Lights off\u0014Close door\u0014\u0000"
                + "+1800.2\u001525.5\u0014Apnea\u0014\u0000", 120);
        EdfAnnotations.InRecord r = EdfAnnotations.parse(FILE, b, 0, b.length, true, 0);
        assertEquals(0.0, r.recordOnset());
        assertEquals(List.of(new Annotation(180, 0, "Lights off"), new Annotation(180, 0, "Close door"),
                new Annotation(1800.2, 25.5, "Apnea")), r.events());
    }

    @Test
    void timeKeepingTalMayCarryEventsAfterItsEmptyText() throws DataFileException {
        byte[] b = bytes("+12.5\u0014\u0014Recording starts\u0014\u0000", 40);
        EdfAnnotations.InRecord r = EdfAnnotations.parse(FILE, b, 0, b.length, true, 3);
        assertEquals(12.5, r.recordOnset());
        assertEquals(List.of(new Annotation(12.5, 0, "Recording starts")), r.events());
    }

    @Test
    void secondAnnotationSignalKeepsNoTime() throws DataFileException {
        byte[] b = bytes("-0.5\u0014first\u0014\u0000", 20);
        EdfAnnotations.InRecord r = EdfAnnotations.parse(FILE, b, 0, b.length, false, 0);
        assertTrue(Double.isNaN(r.recordOnset()));
        assertEquals(List.of(new Annotation(-0.5, 0, "first")), r.events());
    }

    @Test
    void onsetWithoutSignIsRejectedNamingTheRecord() {
        byte[] b = bytes("+0\u0014\u0014\u000012\u0014x\u0014\u0000", 20);
        DataFileException e = assertThrows(DataFileException.class,
                () -> EdfAnnotations.parse(FILE, b, 0, b.length, true, 4));
        assertTrue(e.getMessage().contains("annotations of data record 5: TAL onset is '12'"), e.getMessage());
    }

    @Test
    void talWithoutItsZeroByteIsRejected() {
        byte[] b = bytes("+0\u0014\u0014\u0000+1\u0014open", 0);
        assertThrows(DataFileException.class, () -> EdfAnnotations.parse(FILE, b, 0, b.length, true, 0));
    }

    @Test
    void writtenTalsHaveTheSpecifiedBytes() {
        assertEquals("+0\u0014\u0014\u0000", new String(EdfAnnotations.timeKeeping(0), StandardCharsets.UTF_8));
        assertEquals("+1800.2\u001525.5\u0014Apnea\u0014\u0000",
                new String(EdfAnnotations.tal(new Annotation(1800.2, 25.5, "Apnea")), StandardCharsets.UTF_8));
        assertEquals("-0.001\u0014a b\u0014\u0000",
                new String(EdfAnnotations.tal(new Annotation(-0.001, 0, "a\u0014b")), StandardCharsets.UTF_8));
    }
}
