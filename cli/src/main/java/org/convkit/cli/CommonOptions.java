package org.convkit.cli;

import picocli.CommandLine.Option;

/** Options every subcommand has. */
final class CommonOptions {

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
