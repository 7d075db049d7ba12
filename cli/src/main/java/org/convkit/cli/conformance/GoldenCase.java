package org.convkit.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One golden case: an operation, its parameters and inputs, the expected outputs and the tolerance
 * {@code abs(got - want) <= atol + rtol * abs(want)}.
 *
 * @param file   the case file, relative to the golden folder, with '/' separators
 * @param index  position of the case in its file, from 0
 * @param params the case's {@code params} object (read through {@link #param})
 */
public record GoldenCase(String file, int index, String op, String source, JsonNode params,
                         Map<String, GoldenArray> inputs, Map<String, GoldenArray> expected, double rtol, double atol) {

    public GoldenCase {
        inputs = Map.copyOf(inputs);
        expected = Map.copyOf(expected);
    }

    /** {@code file#index op}: the case's name in reports and test names. */
    public String name() {
        return file + "#" + index + " " + op;
    }

    /** The named input; an error naming the case when it is missing. */
    public GoldenArray input(String name) {
        GoldenArray a = inputs.get(name);
        if (a == null) {
            throw new IllegalArgumentException(name() + " has no input '" + name + "' (inputs: " + inputs.keySet() + ")");
        }
        return a;
    }

    /** Typed access to {@link #params}. */
    public CaseParams param() {
        return new CaseParams(this);
    }
}
