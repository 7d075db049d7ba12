/**
 * The {@code convkit} command line: one class per subcommand, each delegating to library code.
 * {@link org.convkit.cli.Main#run} runs a command in-process with the given writers and returns the
 * exit code (0 ok, 1 failure, 2 bad usage or bad input).
 */
package org.convkit.cli;
