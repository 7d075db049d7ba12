package org.convkit.domains.video;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** Encoding of {@link Y4mFormat}: the header chosen from the metadata, then the frames. */
final class Y4mWriter {

    private static final Set<String> COLOUR_CHROMA = Set.of("444", "422", "420jpeg", "420paldv", "420mpeg2", "420");

    private Y4mWriter() {
    }

    /** The header for data of shape {@code [C, F, H, W]} and its metadata; see {@link Y4mFormat}. */
    static Y4mHeader header(Shape s, Metadata m) {
        boolean mono = s.dim(0) == 1;
        String wanted = m.properties().getOrDefault(Y4mFormat.CHROMA, "444");
        String chroma = mono ? "mono" : COLOUR_CHROMA.contains(wanted) ? wanted : "444";
        String range = m.properties().get(Y4mFormat.RANGE);
        boolean full = range == null ? mono : range.equalsIgnoreCase("full");
        long[] rate = rate(m);
        String interlace = m.properties().getOrDefault(Y4mFormat.INTERLACE, "p");
        if (!interlace.matches("[ptbm?]")) {
            interlace = "p";
        }
        String aspect = m.properties().getOrDefault(Y4mFormat.ASPECT, "1:1");
        if (!aspect.matches("\\d+:\\d+")) {
            aspect = "1:1";
        }
        return new Y4mHeader(s.dim(3), s.dim(2), rate[0], rate[1], interlace, aspect, chroma, full);
    }

    /**
     * The frame rate as {@code n:d}: the {@link Y4mFormat#FRAME_RATE} property when it matches the
     * sample rate, else the rate itself ({@code n:1}, {@code n:1001} or millionths), 25:1 when unknown.
     */
    static long[] rate(Metadata m) {
        double rate = m.sampleRate();
        String kept = m.properties().get(Y4mFormat.FRAME_RATE);
        if (kept != null && kept.matches("\\d+:\\d+")) {
            long n = Long.parseLong(kept.substring(0, kept.indexOf(':')));
            long d = Long.parseLong(kept.substring(kept.indexOf(':') + 1));
            if (n > 0 && d > 0 && (Double.isNaN(rate) || Math.abs((double) n / d - rate) <= 1e-9 * rate)) {
                return new long[] {n, d};
            }
        }
        if (Double.isNaN(rate) || rate <= 0 || Double.isInfinite(rate)) {
            return new long[] {25, 1};
        }
        for (long d : new long[] {1, 1001, 1_000_000}) {
            double n = rate * d;
            if (Math.abs(n - Math.rint(n)) <= 1e-6 * d || d == 1_000_000) {
                long num = Math.max(1, Math.round(n));
                long g = gcd(num, d);
                return new long[] {num / g, d / g};
            }
        }
        throw new AssertionError("unreachable");
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Writes the header {@code h} and every frame of {@code data} {@code [C, F, H, W]}. */
    static void write(FloatNd data, Y4mHeader h, OutputStream out) throws IOException {
        out.write((h.line() + "\n").getBytes(StandardCharsets.US_ASCII));
        Shape s = data.shape();
        int frames = s.dim(1);
        int plane = h.width() * h.height();
        float[] v = data.data();
        int base = data.offset();
        int channelStride = frames * plane;
        Bt601 yuv = new Bt601(h.fullRange());
        byte[] buf = new byte[(int) h.frameBytes()];
        byte[] marker = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
        for (int f = 0; f < frames; f++) {
            int at = base + f * plane;
            if (h.mono()) {
                for (int i = 0; i < plane; i++) {
                    buf[i] = (byte) yuv.lumaCode(checked(v[at + i], 0, f, i, h.width()));
                }
            } else {
                encodeColour(v, at, channelStride, h, yuv, buf, f);
            }
            out.write(marker);
            out.write(buf);
        }
    }

    private static void encodeColour(float[] v, int at, int channelStride, Y4mHeader h, Bt601 yuv, byte[] buf, int f) {
        int w = h.width();
        int plane = w * h.height();
        int cw = h.chromaWidth();
        int chh = h.chromaHeight();
        double[] cb = new double[cw * chh];
        double[] cr = new double[cw * chh];
        int[] count = new int[cw * chh];
        for (int y = 0; y < h.height(); y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double r = checked(v[at + i], 0, f, i, w);
                double g = checked(v[at + channelStride + i], 1, f, i, w);
                double b = checked(v[at + 2 * channelStride + i], 2, f, i, w);
                buf[i] = (byte) yuv.lumaCode(r, g, b);
                int ci = (y / h.chromaStepY()) * cw + x / h.chromaStepX();
                cb[ci] += yuv.cb(r, g, b);
                cr[ci] += yuv.cr(r, g, b);
                count[ci]++;
            }
        }
        for (int ci = 0; ci < cb.length; ci++) {
            buf[plane + ci] = (byte) Bt601.code(cb[ci] / count[ci]);
            buf[plane + cb.length + ci] = (byte) Bt601.code(cr[ci] / count[ci]);
        }
    }

    private static double checked(float v, int channel, int frame, int i, int w) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("value at channel " + channel + ", frame " + frame + ", row " + i / w
                    + ", column " + i % w + " is NaN");
        }
        return v;
    }
}
