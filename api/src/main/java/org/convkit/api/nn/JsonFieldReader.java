package org.convkit.api.nn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of one JSON object of a model file: every field read is required unless asked
 * for with {@link #optional}, has the JSON type asked for, and {@link #allowOnly} rejects fields
 * nobody reads (a typo such as {@code kernal} is an error, not a silent default). Errors are
 * {@link IllegalArgumentException}s that name the object ({@code where}), the field and the value.
 * (The filter chain's reader in {@code org.convkit.api.signal} follows the same rules.)
 */
final class JsonFieldReader {
    private final JsonNode node;
    private final String where;

    JsonFieldReader(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object, got " + node);
        }
        this.node = node;
        this.where = where;
    }

    String where() {
        return where;
    }

    /** Rejects any field not in {@code allowed}, naming it. */
    JsonFieldReader allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw error("has an unknown field '" + f + "' (known: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** The field, or {@code null} when it is absent or JSON {@code null}. */
    JsonNode optional(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    JsonNode required(String name) {
        JsonNode v = optional(name);
        if (v == null) {
            throw error("lacks the field '" + name + "'");
        }
        return v;
    }

    String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw invalid(name, v, "a string");
        }
        return v.asText();
    }

    int integer(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw invalid(name, v, "an integer");
        }
        return v.asInt();
    }

    long longInteger(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(name, v, "an integer");
        }
        return v.asLong();
    }

    double number(String name) {
        JsonNode v = required(name);
        if (!v.isNumber()) {
            throw invalid(name, v, "a number");
        }
        return v.asDouble();
    }

    boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw invalid(name, v, "true or false");
        }
        return v.asBoolean();
    }

    int[] integers(String name) {
        JsonNode v = array(name);
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                throw invalid(name, v, "an array of integers");
            }
            out[i] = e.asInt();
        }
        return out;
    }

    double[] numbers(String name) {
        JsonNode v = array(name);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw invalid(name, v, "an array of numbers");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    List<String> strings(String name) {
        JsonNode v = array(name);
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw invalid(name, v, "an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    JsonNode array(String name) {
        JsonNode v = required(name);
        if (!v.isArray()) {
            throw invalid(name, v, "an array");
        }
        return v;
    }

    IllegalArgumentException invalid(String name, JsonNode value, String expected) {
        return error("field '" + name + "' must be " + expected + ", got " + value);
    }

    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(where + " " + problem);
    }
}
