package org.convkit.domains.eeg;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.io.DataFileException;

/**
 * A parsed and checked EDF/BDF header: the 256-byte fixed part and 256 bytes per signal.
 *
 * @param kind           EDF or BDF
 * @param patient        local patient identification (trimmed)
 * @param recording      local recording identification (trimmed)
 * @param startDate      {@code dd.mm.yy}
 * @param startTime      {@code hh.mm.ss}
 * @param reserved       the reserved field ({@code "EDF+C"}, {@code "BDF+C"}, {@code "24BIT"} or empty)
 * @param records        number of data records, computed from the file length when the header says -1
 * @param recordDuration seconds per data record, as parsed
 * @param durationText   the record duration field as written
 * @param signals        the signals, annotation signals included, in file order
 */
record EdfHeader(EdfKind kind, String patient, String recording, String startDate, String startTime, String reserved,
                 long records, double recordDuration, String durationText, List<EdfSignal> signals) {

    /** Fixed part of the header. */
    static final int FIXED = 256;
    /** Header bytes per signal. */
    static final int PER_SIGNAL = 256;
    /** Cap on signals (the field has 4 characters). */
    static final int MAX_SIGNALS = 4096;
    /** Cap on samples per record of one signal. */
    static final int MAX_SAMPLES_PER_RECORD = 1 << 22;

    EdfHeader {
        signals = List.copyOf(signals);
    }

    /** Bytes in one data record. */
    long recordBytes() {
        long n = 0;
        for (EdfSignal s : signals) {
            n += s.samplesPerRecord();
        }
        return n * kind.bytesPerSample;
    }

    /** Bytes of the header. */
    int headerBytes() {
        return FIXED + PER_SIGNAL * signals.size();
    }

    /** Whether the reserved field marks EDF+ or BDF+. */
    boolean plus() {
        return reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
    }

    /** Reads the header at the start of {@code in}, checking it against the file's {@code length}. */
    static EdfHeader read(Path file, FileChannel in, long length) throws IOException {
        if (length < FIXED) {
            throw new DataFileException(file, "file is " + length + " bytes, shorter than the " + FIXED
                    + "-byte EDF header");
        }
        byte[] fixed = readFully(in, 0, FIXED);
        EdfKind kind = EdfKind.of(fixed);
        if (kind == null) {
            throw new DataFileException(file, "field 'version' is '" + EdfFields.printable(
                    new String(fixed, 0, 8, StandardCharsets.ISO_8859_1))
                    + "', expected '0' (EDF) or 0xFF 'BIOSEMI' (BDF)");
        }
        EdfFields f = new EdfFields(file, fixed);
        long ns = f.integer(252, 4, "number of signals");
        if (ns < 1 || ns > MAX_SIGNALS) {
            throw new DataFileException(file, "field 'number of signals' is " + ns + ", expected 1.." + MAX_SIGNALS);
        }
        long headerBytes = f.integer(184, 8, "number of bytes in header");
        long expected = FIXED + PER_SIGNAL * ns;
        if (headerBytes != expected) {
            throw new DataFileException(file, "field 'number of bytes in header' is " + headerBytes + ", expected "
                    + expected + " for " + ns + " signals");
        }
        if (length < expected) {
            throw new DataFileException(file, "file is " + length + " bytes, shorter than its " + expected
                    + "-byte header (" + ns + " signals)");
        }
        String reserved = f.text(192, 44);
        if (reserved.startsWith("EDF+D") || reserved.startsWith("BDF+D")) {
            throw new DataFileException(file, "field 'reserved' is '" + reserved
                    + "': discontinuous EDF+/BDF+ is not supported");
        }
        double duration = f.decimal(244, 8, "duration of a data record");
        if (duration < 0) {
            throw new DataFileException(file, "field 'duration of a data record' is " + f.text(244, 8) + ", negative");
        }
        long declaredRecords = f.integer(236, 8, "number of data records");
        List<EdfSignal> signals = signals(file, readFully(in, FIXED, (int) (expected - FIXED)), (int) ns, kind);
        boolean data = signals.stream().anyMatch(s -> !s.annotations());
        if (data && duration == 0) {
            throw new DataFileException(file, "field 'duration of a data record' is 0 but the file has data signals");
        }
        int maxSpr = signals.stream().filter(s -> !s.annotations()).mapToInt(EdfSignal::samplesPerRecord).max().orElse(0);
        if (data && !Double.isFinite(maxSpr / duration)) {
            throw new DataFileException(file, "field 'duration of a data record' is " + f.text(244, 8) + ": "
                    + maxSpr + " samples per record would be an infinite rate");
        }
        EdfHeader h = new EdfHeader(kind, f.text(8, 80), f.text(88, 80), f.text(168, 8), f.text(176, 8), reserved,
                0, duration, f.text(244, 8), signals);
        long recordBytes = h.recordBytes();
        long available = (length - expected) / recordBytes;
        long records;
        if (declaredRecords == -1) {
            records = available;
        } else if (declaredRecords < 0) {
            throw new DataFileException(file, "field 'number of data records' is " + declaredRecords
                    + ", expected -1 or at least 0");
        } else if (declaredRecords > available) {
            throw new DataFileException(file, "field 'number of data records' is " + declaredRecords
                    + " but the file holds " + available + " records of " + recordBytes + " bytes after its "
                    + expected + "-byte header (file length " + length + ")");
        } else {
            records = declaredRecords;
        }
        return new EdfHeader(kind, h.patient(), h.recording(), h.startDate(), h.startTime(), reserved, records,
                duration, h.durationText(), signals);
    }

    private static List<EdfSignal> signals(Path file, byte[] b, int ns, EdfKind kind) throws DataFileException {
        // the signal header stores each field for all signals before the next field
        EdfFields f = new EdfFields(file, b);
        int label = 0;
        int transducer = label + 16 * ns;
        int unit = transducer + 80 * ns;
        int pmin = unit + 8 * ns;
        int pmax = pmin + 8 * ns;
        int dmin = pmax + 8 * ns;
        int dmax = dmin + 8 * ns;
        int prefilter = dmax + 8 * ns;
        int spr = prefilter + 80 * ns;
        List<EdfSignal> out = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            String name = f.text(label + 16 * i, 16);
            String of = " of signal " + (i + 1);
            long samples = f.integer(spr + 8 * i, 8, "samples per record", of);
            if (samples < 1 || samples > MAX_SAMPLES_PER_RECORD) {
                throw new DataFileException(file, "field 'samples per record'" + of + " is " + samples + ", expected 1.."
                        + MAX_SAMPLES_PER_RECORD);
            }
            boolean annotations = EdfKind.isAnnotationLabel(name);
            // an annotation signal's ranges mean nothing (its bytes are text); they are not parsed
            double physicalMin = annotations ? 0 : f.decimal(pmin + 8 * i, 8, "physical minimum", of);
            double physicalMax = annotations ? 0 : f.decimal(pmax + 8 * i, 8, "physical maximum", of);
            long digitalMin = annotations ? 0 : f.integer(dmin + 8 * i, 8, "digital minimum", of);
            long digitalMax = annotations ? 0 : f.integer(dmax + 8 * i, 8, "digital maximum", of);
            if (!annotations) {
                if (digitalMin < kind.digitalMin || digitalMax > kind.digitalMax || digitalMin >= digitalMax) {
                    throw new DataFileException(file, "fields 'digital minimum/maximum'" + of + " are " + digitalMin
                            + "/" + digitalMax + ", expected " + kind.digitalMin + " <= min < max <= " + kind.digitalMax);
                }
                if (physicalMin == physicalMax) {
                    throw new DataFileException(file, "fields 'physical minimum/maximum'" + of + " are both "
                            + physicalMin);
                }
            }
            String range = f.text(pmin + 8 * i, 8) + " " + f.text(pmax + 8 * i, 8) + " " + f.text(dmin + 8 * i, 8) + " "
                    + f.text(dmax + 8 * i, 8);
            out.add(new EdfSignal(name, f.text(transducer + 80 * i, 80), f.text(unit + 8 * i, 8), physicalMin,
                    physicalMax, (int) digitalMin, (int) digitalMax, f.text(prefilter + 80 * i, 80), (int) samples,
                    range, annotations));
        }
        return out;
    }

    /** {@code n} bytes at {@code position}; the caller has checked the file holds them. */
    static byte[] readFully(FileChannel in, long position, int n) throws IOException {
        byte[] b = new byte[n];
        readFully(in, position, b);
        return b;
    }

    /** Fills {@code into} from {@code position}; the caller has checked the file holds the bytes. */
    static void readFully(FileChannel in, long position, byte[] into) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into);
        while (buf.hasRemaining()) {
            if (in.read(buf, position + buf.position()) < 0) {
                throw new EOFException("unexpected end of file at byte " + (position + buf.position()));
            }
        }
    }
}
