package org.convkit.domains.eeg;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * How a writer cuts a recording into EDF data records: the record duration and each channel's
 * samples per record, chosen so that every count is a whole number.
 *
 * <p>In order of preference: the first of {@link #DURATIONS} (1 s first) giving whole samples per
 * record for every channel and a whole number of records; a single record holding everything, when
 * its duration is written exactly in the 8-character field and it holds at most
 * {@link #MAX_SINGLE_RECORD_SAMPLES} samples; the first of {@link #SHORT_DURATIONS} that does (short
 * records waste bytes on their time-keeping annotations); failing all, the first duration with
 * whole samples per record, the last record padded by holding each channel's last value (the file
 * then reads back slightly longer).
 *
 * @param durationText     the duration field
 * @param samplesPerRecord per channel
 * @param records          number of data records
 */
record EdfLayout(String durationText, int[] samplesPerRecord, long records) {

    /** Record durations in seconds tried first, in order of preference. */
    static final double[] DURATIONS = {1, 0.5, 0.25, 0.2, 0.1, 2, 4, 5, 10, 20, 50, 100};
    /** Record durations tried after a single record. */
    static final double[] SHORT_DURATIONS = {0.05, 0.04, 0.02, 0.01, 0.001};
    /** The largest single record chosen (10 MB of EDF samples, EDFlib's limit on a record). */
    static final long MAX_SINGLE_RECORD_SAMPLES = 5_000_000;

    EdfLayout {
        samplesPerRecord = samplesPerRecord.clone();
    }

    @Override
    public int[] samplesPerRecord() {
        return samplesPerRecord.clone();
    }

    /**
     * The layout for channels at {@code rates} (Hz) holding {@code counts} samples each.
     *
     * @throws IllegalArgumentException when no record duration gives whole samples per record
     */
    static EdfLayout choose(double[] rates, long[] counts) {
        EdfLayout whole = whole(DURATIONS, rates, counts);
        if (whole == null) {
            whole = single(rates, counts);
        }
        if (whole == null) {
            whole = whole(SHORT_DURATIONS, rates, counts);
        }
        if (whole != null) {
            return whole;
        }
        for (double[] list : new double[][] {DURATIONS, SHORT_DURATIONS}) {
            for (double d : list) {
                int[] spr = samplesPerRecord(rates, d);
                if (spr != null) {
                    return new EdfLayout(EdfFields.plain(BigDecimal.valueOf(d)), spr, paddedRecords(counts, spr));
                }
            }
        }
        throw new IllegalArgumentException("no record duration among " + Arrays.toString(DURATIONS) + " and "
                + Arrays.toString(SHORT_DURATIONS) + " s gives a whole number of samples per record for channel rates "
                + Arrays.toString(rates) + " Hz");
    }

    private static EdfLayout whole(double[] durations, double[] rates, long[] counts) {
        for (double d : durations) {
            int[] spr = samplesPerRecord(rates, d);
            Long records = spr == null ? null : wholeRecords(counts, spr);
            if (records != null) {
                return new EdfLayout(EdfFields.plain(BigDecimal.valueOf(d)), spr, records);
            }
        }
        return null;
    }

    private static int[] samplesPerRecord(double[] rates, double duration) {
        int[] spr = new int[rates.length];
        for (int c = 0; c < rates.length; c++) {
            double n = rates[c] * duration;
            long r = Math.round(n);
            if (r < 1 || r > EdfHeader.MAX_SAMPLES_PER_RECORD || Math.abs(n - r) > 1e-9 * n) {
                return null;
            }
            spr[c] = (int) r;
        }
        return spr;
    }

    private static Long wholeRecords(long[] counts, int[] spr) {
        long records = counts[0] / spr[0];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] % spr[c] != 0 || counts[c] / spr[c] != records) {
                return null;
            }
        }
        return records;
    }

    private static long paddedRecords(long[] counts, int[] spr) {
        long records = 0;
        for (int c = 0; c < counts.length; c++) {
            records = Math.max(records, (counts[c] + spr[c] - 1) / spr[c]);
        }
        return records;
    }

    /** One record of the whole recording, when its duration is written exactly in 8 characters. */
    private static EdfLayout single(double[] rates, long[] counts) {
        double d = counts[0] / rates[0];
        String text = EdfFields.plain(BigDecimal.valueOf(d));
        if (text.length() > 8 || Double.parseDouble(text) != d) {
            return null;
        }
        int[] spr = new int[counts.length];
        if (Arrays.stream(counts).sum() > MAX_SINGLE_RECORD_SAMPLES) {
            return null;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > EdfHeader.MAX_SAMPLES_PER_RECORD || Math.abs(counts[c] / rates[c] - d) > 1e-9 * d) {
                return null;
            }
            spr[c] = (int) counts[c];
        }
        return new EdfLayout(text, spr, 1);
    }

    /** The duration in seconds. */
    double duration() {
        return Double.parseDouble(durationText);
    }

    /** For messages. */
    @Override
    public String toString() {
        return "EdfLayout[" + durationText + " s, " + Arrays.toString(samplesPerRecord) + ", " + records
                + " records]";
    }
}
