package org.convkit.cli;

/** The exit codes of every convkit command, and their lines in {@code --help}. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:ok";
    static final String FAILURE_LINE = "1:failure (a check did not pass, or an internal error)";
    static final String BAD_INPUT_LINE = "2:bad usage or bad input (options, missing or malformed files)";

    private ExitCodes() {
    }
}
