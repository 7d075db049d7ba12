package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.convkit.api.domain.DataFile;
import org.convkit.api.io.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of EDFlib's EDF+ file (4 signals: 64, 32, 8 samples per record and the 57-sample
 * annotation signal; 3 records of 1 s) are rejected with one line naming the file, the field and its value.
 */
class EdfBadFileTest {

    private static final int NS = 4;
    private static final int HEADER = 256 * (NS + 1);
    private static final int RECORD = (64 + 32 + 8 + 57) * 2;

    @TempDir
    Path dir;

    private byte[] fixture() throws IOException {
        return Files.readAllBytes(EdflibFixtures.copy("edf", dir));
    }

    private DataFileException rejected(byte[] bytes, String... parts) throws IOException {
        Path file = dir.resolve("bad.edf");
        Files.write(file, bytes);
        DataFileException e = assertThrows(DataFileException.class, () -> new EdfFormat().read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    private static void put(byte[] b, int offset, int length, String text) {
        byte[] t = String.format("%-" + length + "s", text).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, offset, length);
    }

    @Test
    void fixtureIsWellFormedAsAReference() throws IOException {
        assertEquals(HEADER + 3 * RECORD, fixture().length);
    }

    @Test
    void fileCutInsideItsDataRecordsIsRejectedNamingTheRecordCount() throws IOException {
        rejected(Arrays.copyOf(fixture(), HEADER + 2 * RECORD + 10), "'number of data records' is 3",
                "holds 2 records");
    }

    @Test
    void fileCutInsideItsHeaderIsRejected() throws IOException {
        rejected(Arrays.copyOf(fixture(), 700), "shorter than its 1280-byte header");
        rejected(Arrays.copyOf(fixture(), 100), "shorter than the 256-byte EDF header");
    }

    @Test
    void wrongVersionFieldIsRejected() throws IOException {
        byte[] b = fixture();
        put(b, 0, 8, "1");
        rejected(b, "field 'version' is '1       '");
    }

    @Test
    void headerClaimingMoreRecordsThanTheFileHoldsIsRejectedBeforeReading() throws IOException {
        byte[] b = fixture();
        put(b, 236, 8, "99999999");
        rejected(b, "field 'number of data records' is 99999999", "holds 3 records");
    }

    @Test
    void unknownRecordCountIsComputedFromTheFileLength() throws IOException {
        byte[] b = fixture();
        put(b, 236, 8, "-1");
        Path file = dir.resolve("unknown.edf");
        Files.write(file, b);
        DataFile f = new EdfFormat().read(file);
        DataFile reference = new EdfFormat().read(dir.resolve("edflib-3ch.edf"));
        assertArrayEquals(reference.data().toDouble().toArray(), f.data().toDouble().toArray());
    }

    @Test
    void nonNumericSamplesPerRecordIsRejectedNamingTheSignal() throws IOException {
        byte[] b = fixture();
        int samplesPerRecord = 256 + (16 + 80 + 8 * 5 + 80) * NS;
        put(b, samplesPerRecord + 8 * 2, 8, "abc");
        rejected(b, "field 'samples per record' of signal 3 is 'abc'");
    }

    @Test
    void nonNumericPhysicalMinimumIsRejected() throws IOException {
        byte[] b = fixture();
        put(b, 256 + (16 + 80 + 8) * NS, 8, "NaN");
        rejected(b, "field 'physical minimum' of signal 1 is 'NaN'");
    }

    @Test
    void digitalMaximumOutsideSixteenBitsIsRejected() throws IOException {
        byte[] b = fixture();
        put(b, 256 + (16 + 80 + 8 * 4) * NS + 8, 8, "40000");
        rejected(b, "'digital minimum/maximum' of signal 2 are -32768/40000");
    }

    @Test
    void headerSizeDisagreeingWithTheSignalCountIsRejected() throws IOException {
        byte[] b = fixture();
        put(b, 184, 8, "1536");
        rejected(b, "field 'number of bytes in header' is 1536, expected 1280 for 4 signals");
    }

    @Test
    void zeroSignalsIsRejected() throws IOException {
        byte[] b = fixture();
        put(b, 252, 4, "0");
        rejected(b, "field 'number of signals' is 0");
    }

    @Test
    void discontinuousEdfPlusIsRejected() throws IOException {
        byte[] b = fixture();
        put(b, 192, 44, "EDF+D");
        rejected(b, "field 'reserved' is 'EDF+D'");
    }

    @Test
    void hugeSamplesPerRecordIsRejectedBeforeAllocating() throws IOException {
        byte[] b = fixture();
        int samplesPerRecord = 256 + (16 + 80 + 8 * 5 + 80) * NS;
        put(b, samplesPerRecord, 8, "99999999");
        rejected(b, "field 'samples per record' of signal 1 is 99999999");
    }

    @Test
    void recordWithoutTimeKeepingAnnotationIsRejected() throws IOException {
        byte[] b = fixture();
        int annotations = HEADER + (64 + 32 + 8) * 2;
        // "+0\x14\x14\x00" becomes "+0\x14x\x14": the first TAL then holds an event, not the record's time
        b[annotations + 3] = 'x';
        b[annotations + 4] = 0x14;
        rejected(b, "annotations of data record 1", "time-keeping");
    }
}
