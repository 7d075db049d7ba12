package org.convkit.domains.eeg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.convkit.api.io.DataFileException;

/**
 * The fixed-width ASCII fields of an EDF header: reading them with errors that name the field and
 * its value, and writing numbers so that they fit their 8 characters.
 */
final class EdfFields {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    // plain decimals as the EDF specification writes them, with an exponent tolerated (some writers
    // emit one); no NaN, Infinity, hex or type suffixes as Double.parseDouble would accept
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private final Path file;
    private final byte[] bytes;

    EdfFields(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** The trimmed text of {@code length} bytes at {@code offset} (bytes read as ISO-8859-1, one char each). */
    String text(int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1).strip();
    }

    /** An integer field. */
    long integer(int offset, int length, String field) throws DataFileException {
        return integer(offset, length, field, "");
    }

    /** An integer field of a signal: {@code of} is e.g. {@code " of signal 3"}, for messages. */
    long integer(int offset, int length, String field, String of) throws DataFileException {
        String t = text(offset, length);
        if (!INTEGER.matcher(t).matches()) {
            throw new DataFileException(file, "field '" + field + "'" + of + " is '" + printable(t) + "', not an integer");
        }
        return Long.parseLong(t);
    }

    /** A decimal field, finite. */
    double decimal(int offset, int length, String field) throws DataFileException {
        return decimal(offset, length, field, "");
    }

    /** A decimal field of a signal: {@code of} is e.g. {@code " of signal 3"}, for messages. */
    double decimal(int offset, int length, String field, String of) throws DataFileException {
        String t = text(offset, length);
        if (!DECIMAL.matcher(t).matches()) {
            throw new DataFileException(file, "field '" + field + "'" + of + " is '" + printable(t) + "', not a number");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new DataFileException(file, "field '" + field + "'" + of + " is '" + t + "', out of range");
        }
        return v;
    }

    /** {@code s} with control and non-ASCII characters shown as {@code \xNN}, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (c >= 32 && c < 127) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02X", (int) c & 0xFF));
            }
        }
        return b.toString();
    }

    /** Writes {@code text} left-aligned into {@code length} bytes at {@code offset}, padded with spaces. */
    static void put(byte[] header, int offset, int length, String text) {
        String t = ascii(text);
        if (t.length() > length) {
            throw new IllegalArgumentException("'" + t + "' does not fit the " + length + "-character EDF field");
        }
        for (int i = 0; i < length; i++) {
            header[offset + i] = (byte) (i < t.length() ? t.charAt(i) : ' ');
        }
    }

    /** {@code text} with every character outside printable US-ASCII (32..126) replaced by '_', as EDF requires. */
    static String ascii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= 32 && c < 127 ? c : '_');
        }
        return b.toString();
    }

    /** {@code text} made ASCII and cut to {@code length} characters. */
    static String fit(String text, int length) {
        String t = ascii(text).strip();
        return t.length() <= length ? t : t.substring(0, length);
    }

    /**
     * {@code v} as a decimal of at most 8 characters, rounded in the direction {@code mode} (FLOOR for a
     * physical minimum, CEILING for a maximum, so that the data still fit), with as many decimals as fit.
     *
     * @throws IllegalArgumentException when even the integer part needs more than 8 characters
     */
    static String number8(double v, RoundingMode mode) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write " + v + " in an EDF header");
        }
        BigDecimal exact = new BigDecimal(v);
        for (int decimals = 7; decimals >= 0; decimals--) {
            String s = plain(exact.setScale(decimals, mode));
            if (s.length() <= 8) {
                return s;
            }
        }
        throw new IllegalArgumentException("the value " + v + " does not fit the 8-character EDF field");
    }

    /** A decimal without exponent or trailing zeros, "-0" written "0". */
    static String plain(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
