package org.convkit.api.nn.arch;

/**
 * A notation string that cannot be read or cannot be built for the given input: the 1-based
 * character {@link #position()} in the string and what was wrong there. The message is one line,
 * {@code at 7: expected a digit, '(', ')' or a layer letter (C R P A G F D B), got 'x'};
 * {@link #caret()} adds the string with a caret under the position, for a terminal.
 */
public final class NotationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String notation;
    private final int position;
    private final String reason;

    /**
     * @param notation the string as given
     * @param position 1-based character position, {@code notation.length() + 1} for the end of input
     * @param reason   what was expected or wrong, without the position
     */
    public NotationException(String notation, int position, String reason) {
        super("at " + position + ": " + reason);
        this.notation = notation;
        this.position = position;
        this.reason = reason;
    }

    /** The 1-based character position; one past the last character for the end of input. */
    public int position() {
        return position;
    }

    /** The notation string as given. */
    public String notation() {
        return notation;
    }

    /** The problem, without the position. */
    public String reason() {
        return reason;
    }

    /** Two lines: the notation (line breaks and tabs shown as spaces) and a caret under the position. */
    public String caret() {
        String line = notation.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return line + System.lineSeparator() + " ".repeat(position - 1) + "^";
    }
}
