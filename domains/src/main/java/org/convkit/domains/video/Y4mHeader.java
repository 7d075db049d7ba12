package org.convkit.domains.video;

import java.nio.file.Path;
import org.convkit.api.io.DataFileException;

/**
 * The fields of a YUV4MPEG2 stream header ({@code YUV4MPEG2 W<w> H<h> F<n>:<d> I<i> A<n>:<d> C<tag>
 * X<ext>...}). Unknown {@code X} extensions are ignored except {@code XCOLORRANGE=FULL|LIMITED}
 * (ffmpeg's); without it, colour streams are limited range and {@code mono} is full range, as ffmpeg
 * reads them.
 *
 * @param width     picture width, at least 1
 * @param height    picture height, at least 1
 * @param rateNum   frame rate numerator ({@code F}, default 25:1 when absent)
 * @param rateDen   frame rate denominator
 * @param interlace the {@code I} letter ({@code p}, {@code t}, {@code b}, {@code m} or {@code ?})
 * @param aspect    the {@code A} field as written ({@code 1:1}), empty when absent
 * @param chroma    the {@code C} tag: {@code 420jpeg} (default), {@code 420paldv}, {@code 420mpeg2},
 *                  {@code 420}, {@code 422}, {@code 444} or {@code mono}
 * @param fullRange whether the codes use the full range
 */
record Y4mHeader(int width, int height, long rateNum, long rateDen, String interlace, String aspect, String chroma,
        boolean fullRange) {

    /** The most pixels a picture may declare. */
    static final long MAX_PIXELS = 1L << 28;

    /** The frame rate in frames per second. */
    double rate() {
        return (double) rateNum / rateDen;
    }

    /** Whether pictures carry only luma. */
    boolean mono() {
        return chroma.equals("mono");
    }

    /** Horizontal chroma subsampling factor (1 or 2). */
    int chromaStepX() {
        return chroma.startsWith("420") || chroma.equals("422") ? 2 : 1;
    }

    /** Vertical chroma subsampling factor (1 or 2). */
    int chromaStepY() {
        return chroma.startsWith("420") ? 2 : 1;
    }

    int chromaWidth() {
        return (width + chromaStepX() - 1) / chromaStepX();
    }

    int chromaHeight() {
        return (height + chromaStepY() - 1) / chromaStepY();
    }

    /** Bytes of one frame's planes. */
    long frameBytes() {
        long luma = (long) width * height;
        return mono() ? luma : luma + 2L * chromaWidth() * chromaHeight();
    }

    /** The header line, without its newline. */
    String line() {
        return "YUV4MPEG2 W" + width + " H" + height + " F" + rateNum + ":" + rateDen + " I" + interlace
                + (aspect.isEmpty() ? "" : " A" + aspect) + " C" + chroma + " XCOLORRANGE=" + (fullRange ? "FULL" : "LIMITED");
    }

    /** Parses a header line (without its newline), naming the field at fault. */
    static Y4mHeader parse(String line, Path file) throws DataFileException {
        if (!line.startsWith("YUV4MPEG2 ") && !line.equals("YUV4MPEG2")) {
            throw new DataFileException(file, "not a YUV4MPEG2 file: it does not start with 'YUV4MPEG2 '");
        }
        long w = -1;
        long h = -1;
        long num = 25;
        long den = 1;
        String interlace = "p";
        String aspect = "";
        String chroma = "420jpeg";
        Boolean full = null;
        for (String t : line.substring(9).trim().split(" +")) {
            if (t.isEmpty()) {
                continue;
            }
            String v = t.substring(1);
            switch (t.charAt(0)) {
                case 'W':
                    w = number(v, "W", file);
                    break;
                case 'H':
                    h = number(v, "H", file);
                    break;
                case 'F':
                    long[] r = ratio(v, "F", file);
                    if (r[0] < 1 || r[1] < 1) {
                        throw new DataFileException(file, "field 'F' (frame rate) is " + v + ", expected n:d with n, d >= 1");
                    }
                    num = r[0];
                    den = r[1];
                    break;
                case 'I':
                    interlace = v;
                    break;
                case 'A':
                    ratio(v, "A", file);
                    aspect = v;
                    break;
                case 'C':
                    chroma = chroma(v, file);
                    break;
                case 'X':
                    if (v.startsWith("COLORRANGE=")) {
                        full = v.substring(11).equalsIgnoreCase("FULL");
                    }
                    break;
                default:
                    throw new DataFileException(file, "unknown header field '" + t + "'");
            }
        }
        if (w < 1) {
            throw new DataFileException(file, "field 'W' (width) is " + (w < 0 ? "missing" : w) + ", expected at least 1");
        }
        if (h < 1) {
            throw new DataFileException(file, "field 'H' (height) is " + (h < 0 ? "missing" : h) + ", expected at least 1");
        }
        if (w * h > MAX_PIXELS) {
            throw new DataFileException(file, "fields 'W' x 'H' are " + w + " x " + h + ", more than the cap of "
                    + MAX_PIXELS + " pixels");
        }
        return new Y4mHeader((int) w, (int) h, num, den, interlace, aspect, chroma,
                full != null ? full : chroma.equals("mono"));
    }

    private static String chroma(String v, Path file) throws DataFileException {
        switch (v) {
            case "420jpeg":
            case "420paldv":
            case "420mpeg2":
            case "420":
            case "422":
            case "444":
            case "mono":
                return v;
            default:
                throw new DataFileException(file, "field 'C' (chroma) is '" + v + "'; supported: 420jpeg, 420paldv,"
                        + " 420mpeg2, 420, 422, 444, mono (8 bits)");
        }
    }

    private static long number(String v, String field, Path file) throws DataFileException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, "field '" + field + "' is '" + v + "', not a number");
        }
    }

    private static long[] ratio(String v, String field, Path file) throws DataFileException {
        int colon = v.indexOf(':');
        if (colon < 0) {
            throw new DataFileException(file, "field '" + field + "' is '" + v + "', expected n:d");
        }
        return new long[] {number(v.substring(0, colon), field, file), number(v.substring(colon + 1), field, file)};
    }
}
