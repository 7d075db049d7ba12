package org.convkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.math3.complex.Complex;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.Filter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.TransferFunction;
import org.convkit.api.signal.ZeroPoleGain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convkit filter-info}: the coefficients, zeros, poles and stability of a filter chain. */
@Command(name = "filter-info", aliases = "design", description = {
        "Designs the filters given (same options as 'filter') and prints, per step, the coefficients",
        "(b, a; second-order sections for Butterworth designs), zeros, poles, gain and stability.",
        "",
        "Examples:",
        "  convkit filter-info --fs 256 --bandpass 1 40 --order 4",
        "  convkit filter-info --fs 250 --notch 50 --json"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class FilterInfoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    FilterOptions filters;

    @Option(names = "--json", description = "One JSON object: the chain and, per step, its analysis.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FilterChain chain = filters.chain(spec.commandLine().getParseResult().originalArgs());
        ObjectNode root = JSON.createObjectNode();
        root.set("chain", JSON.readTree(chain.toJson()));
        ArrayNode steps = root.putArray("steps");
        for (Filter f : chain.steps()) {
            steps.add(analyse(f));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(root.toString());
        } else {
            for (int i = 0; i < chain.steps().size(); i++) {
                printStep(out, i + 1, chain.steps().get(i), (ObjectNode) steps.get(i));
            }
        }
        return ExitCodes.OK;
    }

    private static ObjectNode analyse(Filter f) {
        ObjectNode o = JSON.createObjectNode().put("describe", f.describe());
        TransferFunction tf = f.transferFunction();
        numbers(o.putArray("b"), tf.b());
        numbers(o.putArray("a"), tf.a());
        if (f instanceof ButterworthFilter bw) {
            Butterworth.Design design = bw.design();
            ArrayNode sos = o.putArray("sos");
            for (double[] s : design.sections()) {
                numbers(sos.addArray(), s);
            }
            design.warnings().forEach(o.putArray("warnings")::add);
        }
        ZeroPoleGain zpk = ZeroPoleGain.tf2zpk(tf);
        complex(o.putArray("zeros"), zpk.zeros());
        complex(o.putArray("poles"), zpk.poles());
        o.put("gain", zpk.gain());
        o.put("stable", zpk.isStable());
        return o;
    }

    private static void printStep(PrintWriter out, int index, Filter f, ObjectNode o) {
        out.println("step " + index + ": " + f.describe());
        out.println("  b      = " + o.get("b"));
        out.println("  a      = " + o.get("a"));
        if (o.has("sos")) {
            out.println("  sos    = " + o.get("sos"));
        }
        out.println("  zeros  = " + o.get("zeros"));
        out.println("  poles  = " + o.get("poles"));
        out.println("  gain   = " + o.get("gain"));
        out.println("  stable = " + (o.get("stable").asBoolean() ? "yes (every pole inside the unit circle)" : "NO"));
        if (o.has("warnings")) {
            o.get("warnings").forEach(w -> out.println("  warning: " + w.asText()));
        }
    }

    private static void numbers(ArrayNode a, double[] v) {
        Arrays.stream(v).forEach(a::add);
    }

    private static void complex(ArrayNode a, Complex[] v) {
        for (Complex c : v) {
            a.add(String.format(Locale.ROOT, "%.12g%+.12gj", c.getReal(), c.getImaginary()));
        }
    }
}
