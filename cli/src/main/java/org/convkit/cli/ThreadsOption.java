package org.convkit.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option of computing commands. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads to compute with (default: ${DEFAULT-VALUE}). Results do not depend on it.")
    int threads;

    /** The thread count, validated. */
    int threads() {
        if (threads < 1) {
            throw new BadInputException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
