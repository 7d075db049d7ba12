package org.convkit.api.nn.arch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.SequentialSpec;

/**
 * A model's layers with their output shapes and parameter counts, computed from the spec (no
 * weights allocated; see {@link ShapeInference} and {@link ParameterCount}).
 *
 * @param notation   the model's notation, or {@code null} when it has none
 * @param input      the input shape, no batch axis
 * @param output     the model's output shape, no batch axis
 * @param rows       one per layer (sequential) or node (graph; {@code add} and {@code concat} nodes included)
 * @param parameters the total trainable parameters
 */
public record Summary(String notation, int[] input, int[] output, List<Row> rows, long parameters) {

    /**
     * One layer or node.
     *
     * @param type the spec's {@link LayerSpec#type()}, or {@code add} / {@code concat}
     * @param outputShape no batch axis
     */
    public record Row(String name, String type, int[] outputShape, long parameters) {
        public Row {
            outputShape = outputShape.clone();
        }

        @Override
        public int[] outputShape() {
            return outputShape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.name.equals(name) && r.type.equals(type)
                    && Arrays.equals(r.outputShape, outputShape) && r.parameters == parameters;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(outputShape);
        }

        @Override
        public String toString() {
            return name + " " + type + " " + Arrays.toString(outputShape) + " " + parameters;
        }
    }

    public Summary {
        input = input.clone();
        output = output.clone();
        rows = List.copyOf(rows);
    }

    /** The summary of an architecture, with its notation. */
    public static Summary of(Architecture a) {
        return of(a.spec(), a.input(), a.notation());
    }

    /**
     * The summary of any model for {@code input}; a sequential model gets a notation derived from
     * its layers when it has one ({@link Notation#derive}).
     *
     * @throws IllegalArgumentException naming the layer whose input does not fit
     */
    public static Summary of(ModelSpec spec, int[] input) {
        String notation = spec instanceof SequentialSpec s ? Notation.derive(s, input).orElse(null) : null;
        return of(spec, input, notation);
    }

    private static Summary of(ModelSpec spec, int[] input, String notation) {
        Map<String, int[]> shapes = ShapeInference.shapes(spec, input);
        List<Row> rows = new ArrayList<>();
        if (spec instanceof SequentialSpec s) {
            for (NamedLayer l : s.layers()) {
                rows.add(new Row(l.name(), l.spec().type(), shapes.get(l.name()), ParameterCount.of(l.spec())));
            }
        } else {
            for (GraphSpec.Node n : ((GraphSpec) spec).nodes()) {
                String type = n.layer() != null ? n.layer().type() : n.kind().name().toLowerCase(Locale.ROOT);
                rows.add(new Row(n.name(), type, shapes.get(n.name()),
                        n.layer() != null ? ParameterCount.of(n.layer()) : 0));
            }
        }
        return new Summary(notation, input, ShapeInference.outputShape(spec, input), rows, ParameterCount.of(spec));
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    @Override
    public int[] output() {
        return output.clone();
    }

    /**
     * A plain-text table, one line per row and a total, e.g.
     * <pre>
     * layer     type     output shape       parameters
     * conv1     conv     [64, 224, 224]          1,792
     * total parameters: 138,357,544
     * </pre>
     */
    public String table() {
        String[] head = {"layer", "type", "output shape", "parameters"};
        List<String[]> lines = new ArrayList<>();
        lines.add(head);
        for (Row r : rows) {
            lines.add(new String[] {r.name(), r.type(), Arrays.toString(r.outputShape()), grouped(r.parameters())});
        }
        int[] width = new int[head.length];
        for (String[] l : lines) {
            for (int c = 0; c < l.length; c++) {
                width[c] = Math.max(width[c], l[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            b.append(String.format(Locale.ROOT, "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %"
                    + width[3] + "s", (Object[]) l)).append('\n');
        }
        return b.append("total parameters: ").append(grouped(parameters)).append('\n').toString();
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && java.util.Objects.equals(s.notation, notation) && Arrays.equals(s.input, input)
                && Arrays.equals(s.output, output) && s.rows.equals(rows) && s.parameters == parameters;
    }

    @Override
    public int hashCode() {
        return rows.hashCode() * 31 + Long.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "Summary[" + rows.size() + " rows, " + parameters + " parameters]";
    }
}
