package org.convkit.api.signal;

import com.fasterxml.jackson.databind.JsonNode;

/** Strict reading of a filter step's JSON fields, with errors that name the field and the value. */
final class JsonFields {
    private final JsonNode node;

    JsonFields(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a filter step must be a JSON object, got " + node);
        }
        this.node = node;
    }

    private JsonNode field(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing in " + node);
        }
        return v;
    }

    String string(String name) {
        JsonNode v = field(name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string, got " + v);
        }
        return v.asText();
    }

    int integer(String name) {
        JsonNode v = field(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer, got " + v);
        }
        return v.asInt();
    }

    double number(String name) {
        JsonNode v = field(name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field '" + name + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    double[] numbers(String name) {
        JsonNode v = field(name);
        if (!v.isArray() || v.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "' must be a non-empty array of numbers, got " + v);
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new IllegalArgumentException("field '" + name + "' must hold numbers, got " + v.get(i));
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }
}
