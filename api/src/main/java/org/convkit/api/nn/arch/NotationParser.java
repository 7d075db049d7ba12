package org.convkit.api.nn.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent reader of the notation grammar (see {@link Notation}). Whitespace between
 * items is ignored (the lecture writes {@code (CR) 2P}); layer letters may be lower case.
 */
final class NotationParser {
    static final String LETTERS = "CRPAGFDB";
    private static final String LETTER_LIST = "a layer letter (C R P A G F D B)";
    /** The largest repeat count: larger ones are typing mistakes. */
    static final int MAX_COUNT = 1000;

    private final String s;
    private int i;

    private NotationParser(String s) {
        this.s = s;
    }

    static List<Term> parse(String notation) {
        NotationParser p = new NotationParser(notation);
        List<Term> items = p.sequence(0);
        if (items.isEmpty()) {
            throw p.error("expected " + LETTER_LIST + " or '('");
        }
        return items;
    }

    /** Items up to the end of input (depth 0) or up to the closing parenthesis (left unread). */
    private List<Term> sequence(int open) {
        List<Term> items = new ArrayList<>();
        // what may follow the last item: its count, or its parameters
        boolean countAllowed = false;
        boolean bracketAllowed = false;
        while (true) {
            skipSpace();
            if (i == s.length()) {
                if (open > 0) {
                    throw error(items.isEmpty() ? "expected " + LETTER_LIST + " or '(' inside the group opened at "
                            + open : "expected ')' to close the group opened at " + open);
                }
                return items;
            }
            char c = s.charAt(i);
            char upper = Character.toUpperCase(c);
            if (c == ')' && open > 0 && !items.isEmpty()) {
                return items;
            } else if (c == '(') {
                int at = i + 1;
                i++;
                List<Term> inner = sequence(at);
                i++; // the ')'
                Term.Group g = new Term.Group(inner, at, count());
                items.add(g);
                countAllowed = g.count() == 1;
                bracketAllowed = false;
            } else if (upper < 128 && LETTERS.indexOf(upper) >= 0) {
                int at = i + 1;
                i++;
                skipSpace();
                Params params = Params.NONE;
                if (i < s.length() && s.charAt(i) == '[') {
                    params = params(upper);
                }
                Term.Letter l = new Term.Letter(upper, params, at, count());
                items.add(l);
                countAllowed = l.count() == 1;
                bracketAllowed = countAllowed && params == Params.NONE;
            } else {
                throw error("expected " + options(countAllowed, bracketAllowed, open > 0 && !items.isEmpty()));
            }
        }
    }

    /** An optional repeat count after an item; 1 when none. */
    private int count() {
        skipSpace();
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (start == i) {
            return 1;
        }
        String digits = s.substring(start, i).replaceFirst("^0+(?=.)", "");
        int n = digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (n < 1 || n > MAX_COUNT) {
            throw new NotationException(s, start + 1, "expected a repeat count from 1 to " + MAX_COUNT + ", got "
                    + s.substring(start, i));
        }
        return n;
    }

    /** The bracket parameters of {@code letter}; {@code i} is at the '['. */
    private Params params(char letter) {
        int bracket = i + 1;
        List<ParamsReader.Token> tokens = new ArrayList<>();
        i++;
        while (true) {
            skipSpace();
            int start = i;
            while (i < s.length() && ",]".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw error(tokens.isEmpty() && i < s.length() && s.charAt(i) == ']'
                        ? "expected a parameter inside '[]'" : "expected a parameter");
            }
            tokens.add(new ParamsReader.Token(s.substring(start, i), start + 1));
            skipSpace();
            if (i == s.length() || ",]".indexOf(s.charAt(i)) < 0) {
                throw error("expected ',' or ']' to close the '[' at " + bracket);
            }
            if (s.charAt(i++) == ']') {
                return ParamsReader.read(s, letter, bracket, tokens);
            }
        }
    }

    /** The list of what may come next, e.g. {@code a digit, '(', ')' or a layer letter (...)}. */
    private static String options(boolean count, boolean bracket, boolean close) {
        List<String> o = new ArrayList<>();
        if (count) {
            o.add("a digit");
        }
        if (bracket) {
            o.add("'['");
        }
        o.add("'('");
        if (close) {
            o.add("')'");
        }
        o.add(LETTER_LIST);
        return String.join(", ", o.subList(0, o.size() - 1)) + " or " + o.get(o.size() - 1);
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private NotationException error(String expected) {
        String got = i == s.length() ? "end of input" : "'" + s.charAt(i) + "'";
        return new NotationException(s, i + 1, expected + ", got " + got);
    }
}
