package org.convkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import org.convkit.cli.bench.Workload;
import org.convkit.cli.bench.Workloads;

/** Runs convkit in-process and captures the exit code and both streams. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        return run(Workloads::all, args);
    }

    static Cli run(Supplier<List<Workload>> workloads, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), workloads);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The non-empty lines of stderr. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    List<String> outLines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
