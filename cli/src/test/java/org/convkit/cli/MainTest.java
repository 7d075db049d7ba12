package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    private static final String[] COMMANDS = {"conformance", "convolve", "bench", "info", "plugins", "train", "evaluate",
            "predict", "demo", "convert", "spectrogram", "kernel", "filter"};

    @Test
    void helpListsEveryCommandAndTheExitCodeTable() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.code());
        for (String s : new String[] {"conformance", "convolve", "bench", "info", "plugins", "train", "evaluate",
                "predict", "demo", "convert", "spectrogram", "kernel", "Exit codes:",
                "0   ok", "1   failure", "2   bad usage or bad input"}) {
            assertTrue(r.out().contains(s), s + " missing from\n" + r.out());
        }
    }

    @Test
    void everySubcommandHelpShowsTheExitCodes() {
        for (String cmd : COMMANDS) {
            Cli r = Cli.run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Exit codes:") && r.out().contains("2   bad usage"), cmd + ":\n" + r.out());
        }
    }

    @Test
    void everyNewCommandHelpHasExamples() {
        for (String cmd : new String[] {"train", "evaluate", "predict", "demo", "convert", "spectrogram", "kernel",
                "filter", "info", "plugins"}) {
            Cli r = Cli.run(cmd, "--help");
            assertTrue(r.out().contains("Example") && r.out().contains("convkit " + cmd), cmd + ":\n" + r.out());
        }
    }

    @Test
    void versionComesFromTheFilteredResource() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("(?s)convkit \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void noCommandPrintsUsageAndIsBadUsage() {
        Cli r = Cli.run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: convkit"), r.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitCode2() {
        Cli r = Cli.run("info", "--frobnicate");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertEquals(2, Cli.run("frobnicate").code());
    }
}
