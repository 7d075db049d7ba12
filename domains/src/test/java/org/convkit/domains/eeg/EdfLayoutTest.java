package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The record duration a writer picks: whole samples per record, whole records when possible. */
class EdfLayoutTest {

    private static EdfLayout choose(double[] rates, long[] counts) {
        return EdfLayout.choose(rates, counts);
    }

    @Test
    void integerRatesOverWholeSecondsGetOneSecondRecords() {
        EdfLayout l = choose(new double[] {256, 100}, new long[] {1024, 400});
        assertEquals("1", l.durationText());
        assertArrayEquals(new int[] {256, 100}, l.samplesPerRecord());
        assertEquals(4, l.records());
    }

    @Test
    void halfSecondOfDataGetsHalfSecondRecords() {
        EdfLayout l = choose(new double[] {128}, new long[] {64 * 5});
        assertEquals("0.5", l.durationText());
        assertEquals(5, l.records());
    }

    @Test
    void lengthThatNoPreferredDurationDividesIsOneRecord() {
        // 600 samples at 128 Hz: 4.6875 s
        EdfLayout l = choose(new double[] {128}, new long[] {600});
        assertEquals("4.6875", l.durationText());
        assertArrayEquals(new int[] {600}, l.samplesPerRecord());
        assertEquals(1, l.records());
    }

    @Test
    void fractionalRateGetsALongerRecord() {
        EdfLayout l = choose(new double[] {12.5}, new long[] {50});
        assertEquals("2", l.durationText());
        assertEquals(2, l.records());
    }

    @Test
    void lengthWithoutAnExactRecordIsPaddedToWholeSeconds() {
        // 7 samples at 3 Hz: 2.333... s is not an 8-character decimal
        EdfLayout l = choose(new double[] {3}, new long[] {7});
        assertEquals("1", l.durationText());
        assertEquals(3, l.records());
    }

    @Test
    void rateWithNoWholeSamplesPerRecordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> choose(new double[] {Math.PI}, new long[] {100}));
    }
}
