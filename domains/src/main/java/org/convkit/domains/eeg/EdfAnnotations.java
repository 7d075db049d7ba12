package org.convkit.domains.eeg;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.io.DataFileException;

/**
 * EDF+ time-stamped annotation lists (TALs), as the EDF+ specification (Kemp and Olivan, 2003,
 * section 2.2) defines them: {@code +Onset[\x15Duration]\x14Text\x14[Text\x14...]\x00}, onsets in
 * seconds from the file's start time, texts in UTF-8. The first TAL of each data record's first
 * annotation signal has an empty first text: its onset is the record's start (time-keeping), not
 * an event.
 */
final class EdfAnnotations {

    private static final byte TAL_END = 0;
    private static final byte TEXT_END = 0x14;
    private static final byte DURATION = 0x15;
    private static final Pattern ONSET = Pattern.compile("[+-](\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern DURATION_TEXT = Pattern.compile("\\d+\\.?\\d*|\\.\\d+");

    private EdfAnnotations() {
    }

    /**
     * What one annotation signal holds in one record.
     *
     * @param recordOnset the time-keeping onset (seconds), {@code NaN} when this signal does not keep time
     * @param events      the annotations, onsets as written (from the file's start time)
     */
    record InRecord(double recordOnset, List<Annotation> events) {
    }

    /**
     * Parses the bytes one annotation signal holds in one record.
     *
     * @param keepsTime whether this is the first annotation signal, whose first TAL keeps time
     * @param record    the record's index, for messages
     */
    static InRecord parse(Path file, byte[] b, int from, int length, boolean keepsTime, long record)
            throws DataFileException {
        double recordOnset = Double.NaN;
        List<Annotation> events = new ArrayList<>();
        int end = from + length;
        int at = from;
        boolean first = true;
        while (at < end) {
            if (b[at] == TAL_END) { // padding after the last TAL
                at++;
                continue;
            }
            int stop = at;
            while (stop < end && b[stop] != TAL_END) {
                stop++;
            }
            if (stop == end) {
                throw bad(file, record, "a TAL does not end with a 0 byte: '" + text(b, at, stop - at) + "'");
            }
            int headEnd = indexOf(b, at, stop, TEXT_END);
            if (headEnd < 0) {
                throw bad(file, record, "TAL '" + text(b, at, stop - at) + "' has no 0x14 after its onset");
            }
            int dur = indexOf(b, at, headEnd, DURATION);
            String onsetText = text(b, at, (dur < 0 ? headEnd : dur) - at);
            if (!ONSET.matcher(onsetText).matches()) {
                throw bad(file, record, "TAL onset is '" + EdfFields.printable(onsetText)
                        + "', expected a sign and a number of seconds");
            }
            double onset = Double.parseDouble(onsetText);
            double duration = 0;
            if (dur >= 0) {
                String durationText = text(b, dur + 1, headEnd - dur - 1);
                if (!DURATION_TEXT.matcher(durationText).matches()) {
                    throw bad(file, record, "TAL duration is '" + EdfFields.printable(durationText)
                            + "', expected a number of seconds");
                }
                duration = Double.parseDouble(durationText);
            }
            List<String> texts = texts(b, headEnd + 1, stop);
            int skip = 0;
            if (keepsTime && first) {
                if (texts.isEmpty() || !texts.get(0).isEmpty()) {
                    throw bad(file, record, "the first TAL '" + EdfFields.printable(text(b, at, stop - at))
                            + "' is not a time-keeping TAL (its first text must be empty)");
                }
                recordOnset = onset;
                skip = 1;
            }
            for (String t : texts.subList(skip, texts.size())) {
                events.add(new Annotation(onset, duration, t));
            }
            first = false;
            at = stop + 1;
        }
        if (keepsTime && first) {
            throw bad(file, record, "the first annotation signal holds no time-keeping TAL");
        }
        return new InRecord(recordOnset, events);
    }

    /** The texts of a TAL between its head and its 0 byte: each ends with 0x14. */
    private static List<String> texts(byte[] b, int from, int stop) {
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < stop; i++) {
            if (b[i] == TEXT_END) {
                out.add(text(b, start, i - start));
                start = i + 1;
            }
        }
        // a last text without its closing 0x14 is tolerated
        if (start < stop) {
            out.add(text(b, start, stop - start));
        }
        return out;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.UTF_8);
    }

    private static DataFileException bad(Path file, long record, String problem) {
        return new DataFileException(file, "annotations of data record " + (record + 1) + ": " + problem);
    }

    /** The time-keeping TAL of a record starting at {@code onset} seconds: {@code +onset\x14\x14\x00}. */
    static byte[] timeKeeping(double onset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(seconds(onset, true).getBytes(StandardCharsets.US_ASCII));
        out.write(TEXT_END);
        out.write(TEXT_END);
        out.write(TAL_END);
        return out.toByteArray();
    }

    /** One event as a TAL; a zero duration is left out, control bytes in the text become spaces. */
    static byte[] tal(Annotation a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(seconds(a.onset(), true).getBytes(StandardCharsets.US_ASCII));
        if (a.duration() > 0) {
            out.write(DURATION);
            out.writeBytes(seconds(a.duration(), false).getBytes(StandardCharsets.US_ASCII));
        }
        out.write(TEXT_END);
        out.writeBytes(clean(a.description()).getBytes(StandardCharsets.UTF_8));
        out.write(TEXT_END);
        out.write(TAL_END);
        return out.toByteArray();
    }

    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c == 0 || c == TEXT_END || c == DURATION ? ' ' : c);
        }
        return b.toString();
    }

    /** Seconds as the shortest plain decimal that reads back to the same double, signed for onsets. */
    static String seconds(double s, boolean signed) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("annotation time " + s + " is not finite");
        }
        String plain = EdfFields.plain(BigDecimal.valueOf(Math.abs(s)));
        return signed ? (s < 0 ? "-" : "+") + plain : plain;
    }
}
