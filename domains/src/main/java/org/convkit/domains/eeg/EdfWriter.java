package org.convkit.domains.eeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.domain.Metadata.Channel;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.NdArray;

/**
 * Encodes {@code [channels, samples]} data as EDF+ (or BDF+) with an annotation signal holding
 * the time-keeping TALs and {@link Metadata#annotations()}.
 *
 * <p>Each channel is written at its own rate when its {@link Channel} says it is slower than the
 * data's and its sample count agrees (the samples are taken back from the data at their own times,
 * exactly when the rates divide; see {@link LinearResampling}), else at the data's rate. The
 * record layout is {@link EdfLayout#choose}. Physical and digital ranges: the
 * {@code channel.i.range} property written by {@link EdfReader} when it is valid for this kind and
 * the data fit in it (so a file read and written again keeps its bytes), else the data's own
 * minimum and maximum rounded outwards to 8 characters over the full digital range
 * ({@code -32768..32767} for EDF, {@code -8388608..8388607} for BDF). Digital values are
 * {@code round((v - pmin) * (dmax - dmin) / (pmax - pmin) + dmin)}, the inverse of the reader's formula.
 */
final class EdfWriter {

    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d\\d\\.\\d\\d\\.\\d\\d");

    private EdfWriter() {
    }

    static void write(DataFile file, Path target, EdfKind kind) throws IOException {
        NdArray data = file.data();
        if (data.shape().rank() != 2 || data.shape().dim(0) < 1 || data.shape().dim(1) < 1) {
            throw new IllegalArgumentException(kind.formatName + " needs data [channels, samples] with at least one of"
                    + " each, got shape " + data.shape());
        }
        Metadata m = file.metadata();
        double rate = m.sampleRate();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(kind.formatName + " needs a positive sample rate, got " + rate);
        }
        int channels = data.shape().dim(0);
        if (channels + 1 > EdfHeader.MAX_SIGNALS) {
            throw new IllegalArgumentException(kind.formatName + " holds at most " + (EdfHeader.MAX_SIGNALS - 1)
                    + " channels, got " + channels);
        }
        int n = data.shape().dim(1);
        double[] all = data.toDouble().toArray();
        List<Channel> meta = m.channels().size() == channels ? m.channels() : null;
        double[] rates = new double[channels];
        long[] counts = new long[channels];
        for (int c = 0; c < channels; c++) {
            rates[c] = rate;
            counts[c] = n;
            Channel ch = meta == null ? null : meta.get(c);
            if (ch != null && ch.sampleRate() > 0 && ch.sampleRate() < rate
                    && Math.abs(ch.samples() - n * ch.sampleRate() / rate) < 0.5) {
                rates[c] = ch.sampleRate();
                counts[c] = ch.samples();
            }
        }
        EdfLayout layout = EdfLayout.choose(rates, counts);
        int[] spr = layout.samplesPerRecord();
        long records = layout.records();
        if (records > 99_999_999L) {
            throw new IllegalArgumentException("the recording needs " + records + " data records, more than the"
                    + " 8-character field holds");
        }
        int maxSpr = (int) Math.round(rate * layout.duration());
        List<SignalOut> out = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            int length = (int) (records * spr[c]);
            double[] own = spr[c] == maxSpr ? padded(all, c * n, n, length)
                    : LinearResampling.resample(all, c * n, n, maxSpr, spr[c], length);
            Channel ch = meta == null ? null : meta.get(c);
            out.add(SignalOut.of(own, c, ch, m.properties(), kind, spr[c]));
        }
        byte[][] annotations = annotationRecords(m, records, layout.duration());
        int annotationSamples = 1;
        for (byte[] a : annotations) {
            annotationSamples = Math.max(annotationSamples, (a.length + kind.bytesPerSample - 1) / kind.bytesPerSample);
        }
        byte[] header = header(m.properties(), out, kind, records, layout.durationText(), annotationSamples);
        int total = annotationSamples;
        for (int s : spr) {
            total += s;
        }
        int recordBytes = total * kind.bytesPerSample;
        int annotationBytes = annotationSamples * kind.bytesPerSample;
        AtomicFiles.write(target, o -> {
            o.write(header);
            byte[] rec = new byte[recordBytes];
            for (long r = 0; r < records; r++) {
                record(rec, r, out, kind, annotations[(int) r], annotationBytes);
                o.write(rec);
            }
        });
    }

    private static void record(byte[] rec, long r, List<SignalOut> out, EdfKind kind, byte[] annotations,
                               int annotationBytes) {
        int at = 0;
        int bps = kind.bytesPerSample;
        for (SignalOut s : out) {
            int base = (int) (r * s.spr);
            for (int k = 0; k < s.spr; k++) {
                kind.putSample(rec, at, s.digital[base + k]);
                at += bps;
            }
        }
        Arrays.fill(rec, at, at + annotationBytes, (byte) 0);
        System.arraycopy(annotations, 0, rec, at, annotations.length);
    }

    private static double[] padded(double[] all, int from, int n, int length) {
        double[] x = new double[length];
        System.arraycopy(all, from, x, 0, Math.min(n, length));
        for (int i = n; i < length; i++) {
            x[i] = all[from + n - 1];
        }
        return x;
    }

    /** Each record's annotation bytes: its time-keeping TAL, then its share of the events, in order. */
    private static byte[][] annotationRecords(Metadata m, long records, double duration) {
        double offset = startOffset(m.properties());
        List<Annotation> events = m.annotations();
        List<ByteArrayOutputStream> per = new ArrayList<>();
        for (long r = 0; r < records; r++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(EdfAnnotations.timeKeeping(offset + r * duration));
            per.add(b);
        }
        for (int j = 0; j < events.size(); j++) {
            Annotation a = events.get(j);
            // spread evenly over the records, keeping their order
            int r = (int) ((long) j * records / events.size());
            per.get(r).writeBytes(EdfAnnotations.tal(new Annotation(a.onset() + offset, a.duration(), a.description())));
        }
        byte[][] out = new byte[(int) records][];
        for (int r = 0; r < records; r++) {
            out[r] = per.get(r).toByteArray();
        }
        return out;
    }

    private static double startOffset(Map<String, String> props) {
        String s = props.get("start offset");
        if (s == null) {
            return 0;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] header(Map<String, String> props, List<SignalOut> out, EdfKind kind, long records,
                                 String duration, int annotationSamples) {
        int ns = out.size() + 1;
        byte[] h = new byte[EdfHeader.FIXED + EdfHeader.PER_SIGNAL * ns];
        System.arraycopy(kind.version(), 0, h, 0, 8);
        EdfFields.put(h, 8, 80, EdfFields.fit(props.getOrDefault("patient", "X X X X"), 80));
        EdfFields.put(h, 88, 80, EdfFields.fit(props.getOrDefault("recording", "Startdate X X X X"), 80));
        EdfFields.put(h, 168, 8, dateOrTime(props.get("startdate"), "01.01.85"));
        EdfFields.put(h, 176, 8, dateOrTime(props.get("starttime"), "00.00.00"));
        EdfFields.put(h, 184, 8, Integer.toString(h.length));
        EdfFields.put(h, 192, 44, kind.plusContinuous);
        EdfFields.put(h, 236, 8, Long.toString(records));
        EdfFields.put(h, 244, 8, duration);
        EdfFields.put(h, 252, 4, Integer.toString(ns));
        List<SignalOut> signals = new ArrayList<>(out);
        signals.add(SignalOut.annotations(kind, annotationSamples));
        int base = EdfHeader.FIXED;
        for (int i = 0; i < ns; i++) {
            SignalOut s = signals.get(i);
            EdfFields.put(h, base + 16 * i, 16, s.label);
            EdfFields.put(h, base + 16 * ns + 80 * i, 80, s.transducer);
            EdfFields.put(h, base + 96 * ns + 8 * i, 8, s.unit);
            EdfFields.put(h, base + 104 * ns + 8 * i, 8, s.range[0]);
            EdfFields.put(h, base + 112 * ns + 8 * i, 8, s.range[1]);
            EdfFields.put(h, base + 120 * ns + 8 * i, 8, s.range[2]);
            EdfFields.put(h, base + 128 * ns + 8 * i, 8, s.range[3]);
            EdfFields.put(h, base + 136 * ns + 80 * i, 80, s.prefiltering);
            EdfFields.put(h, base + 216 * ns + 8 * i, 8, Integer.toString(s.spr));
            EdfFields.put(h, base + 224 * ns + 32 * i, 32, "");
        }
        return h;
    }

    private static String dateOrTime(String value, String fallback) {
        return value != null && DATE_OR_TIME.matcher(value).matches() ? value : fallback;
    }

    /** A signal ready to write: header texts and digital samples. */
    private record SignalOut(String label, String transducer, String unit, String prefiltering, String[] range,
                             int spr, int[] digital) {

        static SignalOut annotations(EdfKind kind, int spr) {
            return new SignalOut(kind.annotationLabel, "", "", "", new String[] {"-1", "1",
                    Integer.toString(kind.digitalMin), Integer.toString(kind.digitalMax)}, spr, new int[0]);
        }

        static SignalOut of(double[] x, int c, Channel ch, Map<String, String> props, EdfKind kind, int spr) {
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new IllegalArgumentException("channel " + c + " holds " + x[i] + " at sample " + i
                            + "; EDF stores finite values only");
                }
            }
            String[] range = EdfRanges.reusable(props.get("channel." + c + ".range"), x, kind);
            if (range == null) {
                try {
                    range = EdfRanges.fromData(x, kind);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("channel " + c + ": " + e.getMessage(), e);
                }
            }
            double pmin = Double.parseDouble(range[0]);
            double pmax = Double.parseDouble(range[1]);
            int dmin = Integer.parseInt(range[2]);
            int dmax = Integer.parseInt(range[3]);
            int[] d = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                long q = Math.round((x[i] - pmin) * ((double) dmax - dmin) / (pmax - pmin) + dmin);
                d[i] = (int) Math.max(dmin, Math.min(dmax, q));
            }
            String label = ch == null ? "ch" + (c + 1) : ch.label();
            String unit = ch == null ? "" : ch.unit();
            return new SignalOut(EdfFields.fit(label, 16), EdfFields.fit(props.getOrDefault("channel." + c
                    + ".transducer", ""), 80), EdfFields.fit(unit, 8), EdfFields.fit(props.getOrDefault("channel." + c
                    + ".prefiltering", ""), 80), range, spr, d);
        }
    }
}
