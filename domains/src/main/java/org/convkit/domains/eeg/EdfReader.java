package org.convkit.domains.eeg;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.domain.Metadata.Channel;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * Decodes EDF, EDF+ (continuous), BDF and BDF+ files into a {@link DataFile}.
 *
 * <p>Data {@code [channels, samples]} float64 in physical units,
 * {@code (digital - dmin) * (pmax - pmin) / (dmax - dmin) + pmin}, annotation signals left out.
 * Channels recorded at a lower rate than the fastest are brought to its rate by linear
 * interpolation ({@link LinearResampling}); each {@link Channel} keeps its own rate and sample count.
 * Annotation onsets are seconds from the first sample (the first record's time-keeping onset is
 * subtracted and kept as the property {@code "start offset"} when not zero).
 *
 * <p>Properties: {@code patient}, {@code recording}, {@code startdate}, {@code starttime},
 * {@code reserved}, and per data channel {@code i} (0-based) {@code channel.i.range}
 * ({@code "pmin pmax dmin dmax"} as written), {@code channel.i.transducer} and
 * {@code channel.i.prefiltering} when not empty; {@link EdfWriter} repeats them.
 */
final class EdfReader {

    /** Cap on the values of the decoded array (2 GiB of float64). */
    static final long MAX_VALUES = 1L << 28;
    /** Cap on the bytes of one data record, read at once. */
    static final long MAX_RECORD_BYTES = 1L << 28;

    private EdfReader() {
    }

    static DataFile read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = in.size();
            EdfHeader h = EdfHeader.read(file, in, length);
            List<EdfSignal> signals = h.signals();
            int ns = signals.size();
            long recordBytes = h.recordBytes();
            if (recordBytes > MAX_RECORD_BYTES) {
                throw new DataFileException(file, "fields 'samples per record' add up to records of " + recordBytes
                        + " bytes, more than the cap of " + MAX_RECORD_BYTES);
            }
            List<Integer> data = new ArrayList<>();
            int maxSpr = 0;
            for (int s = 0; s < ns; s++) {
                if (!signals.get(s).annotations()) {
                    data.add(s);
                    maxSpr = Math.max(maxSpr, signals.get(s).samplesPerRecord());
                }
            }
            long total = h.records() * maxSpr;
            if (total * data.size() > MAX_VALUES) {
                throw new DataFileException(file, "field 'number of data records' is " + h.records() + ": "
                        + data.size() + " channels of " + total + " samples exceed the cap of " + MAX_VALUES + " values");
            }
            double[][] own = new double[ns][];
            for (int s : data) {
                own[s] = new double[(int) (h.records() * signals.get(s).samplesPerRecord())];
            }
            List<Annotation> events = new ArrayList<>();
            double startOffset = 0;
            byte[] rec = new byte[(int) recordBytes];
            int bps = h.kind().bytesPerSample;
            for (long r = 0; r < h.records(); r++) {
                EdfHeader.readFully(in, h.headerBytes() + r * recordBytes, rec);
                int at = 0;
                boolean firstAnnotation = true;
                for (int s = 0; s < ns; s++) {
                    EdfSignal sig = signals.get(s);
                    int spr = sig.samplesPerRecord();
                    if (sig.annotations()) {
                        EdfAnnotations.InRecord a = EdfAnnotations.parse(file, rec, at, spr * bps, firstAnnotation, r);
                        if (r == 0 && firstAnnotation) {
                            startOffset = a.recordOnset();
                        }
                        events.addAll(a.events());
                        firstAnnotation = false;
                    } else {
                        double[] x = own[s];
                        int base = (int) (r * spr);
                        for (int k = 0; k < spr; k++) {
                            x[base + k] = sig.physical(h.kind().sample(rec, at + k * bps));
                        }
                    }
                    at += spr * bps;
                }
            }
            return new DataFile(h.kind().formatName, resampled(h, data, own, maxSpr, total),
                    metadata(h, data, maxSpr, shifted(events, startOffset), startOffset));
        }
    }

    private static DoubleNd resampled(EdfHeader h, List<Integer> data, double[][] own, int maxSpr, long total) {
        int n = (int) total;
        double[] out = new double[data.size() * n];
        for (int c = 0; c < data.size(); c++) {
            int s = data.get(c);
            int spr = h.signals().get(s).samplesPerRecord();
            double[] row = spr == maxSpr ? own[s] : n == 0 ? new double[0]
                    : LinearResampling.resample(own[s], 0, own[s].length, spr, maxSpr, n);
            System.arraycopy(row, 0, out, c * n, n);
        }
        return DoubleNd.of(Shape.of(data.size(), n), out);
    }

    private static List<Annotation> shifted(List<Annotation> events, double offset) {
        List<Annotation> out = new ArrayList<>(events.size());
        for (Annotation a : events) {
            out.add(offset == 0 ? a : new Annotation(a.onset() - offset, a.duration(), a.description()));
        }
        out.sort(Comparator.comparingDouble(Annotation::onset)); // stable: file order among equal onsets
        return out;
    }

    private static Metadata metadata(EdfHeader h, List<Integer> data, int maxSpr, List<Annotation> events,
                                     double startOffset) {
        List<Channel> channels = new ArrayList<>();
        Map<String, String> props = new HashMap<>();
        for (int c = 0; c < data.size(); c++) {
            EdfSignal s = h.signals().get(data.get(c));
            channels.add(new Channel(s.label(), s.unit(), s.samplesPerRecord() / h.recordDuration(),
                    h.records() * s.samplesPerRecord()));
            props.put("channel." + c + ".range", s.rangeText());
            if (!s.transducer().isEmpty()) {
                props.put("channel." + c + ".transducer", s.transducer());
            }
            if (!s.prefiltering().isEmpty()) {
                props.put("channel." + c + ".prefiltering", s.prefiltering());
            }
        }
        props.put("patient", h.patient());
        props.put("recording", h.recording());
        props.put("startdate", h.startDate());
        props.put("starttime", h.startTime());
        props.put("reserved", h.reserved());
        if (startOffset != 0) {
            props.put("start offset", EdfFields.plain(BigDecimal.valueOf(startOffset)));
        }
        double rate = data.isEmpty() ? Double.NaN : maxSpr / h.recordDuration();
        return new Metadata(rate, channels, events, null, null, props);
    }
}
