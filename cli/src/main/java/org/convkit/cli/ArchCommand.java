package org.convkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.convkit.api.nn.arch.Architecture;
import org.convkit.api.nn.arch.NotationException;
import org.convkit.api.nn.arch.Summary;
import org.convkit.api.nn.arch.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit arch}: the summary of a zoo network or of a notation string for an input shape. */
@Command(name = "arch", description = {
        "Builds a zoo network or a notation string for an input shape and prints",
        "every layer's output shape and parameter count, computed from the specs",
        "(no weights are allocated).",
        "",
        "Notation: C conv, R ReLU, P max pool, A average pool, G global average",
        "pool, F fully connected, D dropout, B batch norm. A number after a letter",
        "or a (group) repeats it. Parameters in brackets: C[filters,kernel,",
        "s<stride>,p<padding>|same|valid,d<dilation>,g<groups>,nobias],",
        "P[kernel,stride,p<padding>], A[kernel,stride,p<padding>] (padding at",
        "most kernel/2, as torch), F[units,nobias], D[p], R[slope].",
        "Defaults: the first C has 32 filters, the next ones the previous C's,",
        "doubled after a pooling; kernel 3, padding same; P and A 2; D 0.5; a last",
        "F without units has one per class. A flatten goes before the first F.",
        "The input's rank picks 1-d, 2-d or 3-d layers.",
        "",
        "Examples:",
        "  convkit arch '(CR)2P(CR)2P(CR)2PF' --input 1x28x28 --classes 10",
        "  convkit arch vgg16 --input 3x224x224 --classes 1000",
        "  convkit arch eegnet --input 22x1000 --classes 4 --json",
        "  convkit arch --list"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class ArchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|NOTATION",
            description = "A zoo network (see --list) or a notation string such as '(CR)2P(CR)2P(CR)2PF'.")
    String model;

    @Option(names = "--input", paramLabel = "CxL|CxHxW|CxDxHxW",
            description = "The input shape without the batch axis, e.g. 3x224x224 (2-d) or 22x1000 (1-d).")
    String input;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "10",
            description = "Number of classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--json", description = "One JSON object: notation, parameters and the layers.")
    boolean json;

    @Option(names = "--list", description = "List the zoo networks and how each differs from its paper.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (String name : Zoo.names()) {
                out.println(String.format("%-16s %s", name, Zoo.description(name)));
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (model == null || input == null) {
            throw new BadInputException("give a zoo name or a notation and --input (or --list)");
        }
        int[] shape = shape(input);
        Architecture a;
        try {
            a = Zoo.contains(model) ? Zoo.build(model, shape, classes) : Architecture.fromNotation(model, shape, classes);
        } catch (NotationException e) {
            return badNotation(e);
        }
        Summary s = a.summary();
        if (json) {
            out.println(json(a, s).toString());
        } else {
            if (Zoo.contains(a.name())) {
                out.println("model:      " + a.name());
                out.println("about:      " + Zoo.description(a.name()));
            }
            if (a.notation() != null) {
                out.println("notation:   " + a.notation());
            }
            out.println("input:      " + Arrays.toString(a.input()) + ", " + classes + " classes");
            out.println("output:     " + Arrays.toString(s.output()));
            out.println();
            out.print(s.table());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The error line, then the notation with a caret under the position. */
    private int badNotation(NotationException e) {
        PrintWriter err = spec.commandLine().getErr();
        boolean word = model.matches("[A-Za-z][A-Za-z0-9-]*") && e.position() == 1;
        err.println(spec.qualifiedName() + ": " + (word ? "'" + model + "' is no zoo network (there are "
                + String.join(", ", Zoo.names()) + ") and no notation: " : "bad notation ") + e.getMessage());
        e.caret().lines().forEach(l -> err.println("  " + l));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** {@code 3x224x224} as {@code [3, 224, 224]}: 2 to 4 positive whole numbers. */
    static int[] shape(String text) {
        String[] parts = text.trim().split("[xX]", -1);
        int[] dims = new int[parts.length];
        boolean ok = parts.length >= 2 && parts.length <= 4;
        for (int i = 0; ok && i < parts.length; i++) {
            ok = parts[i].matches("[0-9]{1,9}") && Integer.parseInt(parts[i]) > 0;
            dims[i] = ok ? Integer.parseInt(parts[i]) : 0;
        }
        if (!ok) {
            throw new BadInputException("--input '" + text + "' is not CxL, CxHxW or CxDxHxW (2 to 4 positive whole"
                    + " numbers separated by 'x', channels first)");
        }
        return dims;
    }

    private static ObjectNode json(Architecture a, Summary s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", a.name());
        root.put("notation", a.notation());
        ints(root.putArray("input"), a.input());
        root.put("classes", a.classes());
        ints(root.putArray("output"), s.output());
        root.put("parameters", s.parameters());
        ArrayNode layers = root.putArray("layers");
        for (Summary.Row r : s.rows()) {
            ObjectNode l = layers.addObject();
            l.put("name", r.name());
            l.put("type", r.type());
            ints(l.putArray("outputShape"), r.outputShape());
            l.put("parameters", r.parameters());
        }
        return root;
    }

    private static void ints(ArrayNode a, int[] v) {
        Arrays.stream(v).forEach(a::add);
    }
}
