package org.convkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convkit.cli.conformance.ConformanceReport;
import org.convkit.cli.conformance.ConformanceRunner;
import org.convkit.cli.conformance.GoldenCase;
import org.convkit.cli.conformance.GoldenReader;
import org.convkit.cli.conformance.OpHandlers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit conformance}: replays golden cases (numpy / scipy / PyTorch outputs). */
@Command(name = "conformance", description = {
        "Checks convkit against numpy / scipy / PyTorch outputs (golden cases).",
        "Replays the bundled golden cases, or those in the given folders; prints each failure, then",
        "'N passed, M failed, K unsupported' (K: cases whose operation convkit does not compute yet).",
        "Succeeds only when M and K are 0 and N > 0.",
        "",
        "Examples:",
        "  convkit conformance",
        "  convkit conformance ../shared/golden --json"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, "1:a case failed or is unsupported, or no case ran", ExitCodes.BAD_INPUT_LINE})
final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Folders of golden *.json files (default: the bundled cases).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object with the summary and the failures.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<GoldenCase> cases = new ArrayList<>();
        if (dirs.isEmpty()) {
            cases.addAll(GoldenReader.readBundled());
        } else {
            for (Path d : dirs) {
                cases.addAll(GoldenReader.readFolder(d));
            }
        }
        ConformanceReport r = new ConformanceRunner(OpHandlers.standard()).run(cases);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(r));
        } else {
            r.failures().forEach(f -> out.println(f.caseName() + ": " + f.message()));
            if (!r.unsupported().isEmpty()) {
                out.println("unsupported ops: " + String.join(", ", r.unsupportedOps()));
            }
            out.println(r.passed() + " passed, " + r.failures().size() + " failed, " + r.unsupported().size() + " unsupported");
        }
        out.flush();
        return r.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String toJson(ConformanceReport r) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", r.passed());
        m.put("failed", r.failures().size());
        m.put("unsupported", r.unsupported().size());
        m.put("unsupported_ops", List.copyOf(r.unsupportedOps()));
        m.put("failures", r.failures().stream().map(f -> Map.of("case", f.caseName(), "message", f.message())).toList());
        return JsonMapper.builder().build().writeValueAsString(m);
    }
}
