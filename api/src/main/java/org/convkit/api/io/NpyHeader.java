package org.convkit.api.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed dictionary of a {@code .npy} header: {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }}. Parsing is strict: exactly these three keys, each once; a Python string,
 * boolean and tuple of non-negative integers respectively; nothing else (no expressions, no
 * nested structures).
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    /** The header dictionary as numpy writes it, without padding. */
    String render() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",), }" : "), }").toString();
    }

    /** Parses a header's text (trailing spaces and newline allowed); errors name {@code file}. */
    static NpyHeader parse(String text, Path file) throws DataFileException {
        return new Parser(text, file).header();
    }

    private static final class Parser {
        private final String s;
        private final Path file;
        private int pos;

        Parser(String s, Path file) {
            this.s = s;
            this.file = file;
        }

        NpyHeader header() throws DataFileException {
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                expect(':');
                switch (key) {
                    case "descr" -> {
                        check(descr == null, key);
                        descr = string();
                    }
                    case "fortran_order" -> {
                        check(fortran == null, key);
                        fortran = bool();
                    }
                    case "shape" -> {
                        check(shape == null, key);
                        shape = tuple();
                    }
                    default -> throw error("unexpected key '" + key + "' (a .npy header has descr, fortran_order, shape)");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}' at offset " + pos);
                }
            }
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the header dictionary at offset " + pos);
            }
            if (descr == null || fortran == null || shape == null) {
                throw error("header lacks " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
            }
            return new NpyHeader(descr, fortran, shape);
        }

        private void check(boolean first, String key) throws DataFileException {
            if (!first) {
                throw error("key '" + key + "' appears twice");
            }
        }

        private String string() throws DataFileException {
            skipSpace();
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("expected a quoted string at offset " + pos);
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("unterminated string at offset " + pos);
            }
            String v = s.substring(pos + 1, end);
            if (v.indexOf('\\') >= 0) {
                throw error("escape sequences are not supported in header string " + v);
            }
            pos = end + 1;
            return v;
        }

        private boolean bool() throws DataFileException {
            skipSpace();
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("'fortran_order' must be True or False at offset " + pos);
        }

        private long[] tuple() throws DataFileException {
            skipSpace();
            int start = pos;
            expect('(');
            List<Long> dims = new ArrayList<>();
            boolean trailingComma = false;
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                dims.add(integer());
                skipSpace();
                trailingComma = peek() == ',';
                if (trailingComma) {
                    pos++;
                } else if (peek() != ')') {
                    throw error("'shape' must be a tuple of integers, got " + s.substring(start, Math.min(s.length(), pos + 1)));
                }
            }
            if (dims.size() == 1 && !trailingComma) {
                throw error("'shape' " + s.substring(start, pos) + " is not a tuple (a 1-tuple needs a trailing comma)");
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() throws DataFileException {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                pos++;
            }
            if (pos == start || pos - start > 18) {
                throw error("'shape' entry at offset " + start + " is not a non-negative integer below 10^18");
            }
            long v = Long.parseLong(s.substring(start, pos));
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long literal, written by old numpy versions
            }
            return v;
        }

        private void expect(char c) throws DataFileException {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n' || s.charAt(pos) == '\t'
                    || s.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private DataFileException error(String problem) {
            return new DataFileException(file, "bad .npy header: " + problem);
        }
    }
}
