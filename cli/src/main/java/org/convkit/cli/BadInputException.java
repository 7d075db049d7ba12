package org.convkit.cli;

/** Bad usage or bad input discovered while running a command: exit code 2, message on one line. */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
