package org.convkit.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option of computing commands. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads to compute with (default: every core the JVM sees). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The thread count, validated. */
    int threads() {
        if (threads < 1) {
            throw new BadInputException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
