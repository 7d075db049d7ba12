package org.convkit.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/** Typed reads of a case's {@code params}, with errors naming the case and parameter. */
public final class CaseParams {
    private final GoldenCase c;

    CaseParams(GoldenCase c) {
        this.c = c;
    }

    private JsonNode node(String name) {
        JsonNode n = c.params() == null ? null : c.params().get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(c.name() + " has no parameter '" + name + "'");
        }
        return n;
    }

    public boolean has(String name) {
        return c.params() != null && c.params().has(name) && !c.params().get(name).isNull();
    }

    public String string(String name) {
        JsonNode n = node(name);
        if (!n.isTextual()) {
            throw bad(name, n, "a string");
        }
        return n.asText();
    }

    public int integer(String name) {
        JsonNode n = node(name);
        if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw bad(name, n, "an integer");
        }
        return n.asInt();
    }

    public double number(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    public double number(String name) {
        JsonNode n = node(name);
        if (!n.isNumber()) {
            throw bad(name, n, "a number");
        }
        return n.asDouble();
    }

    /** A number or a list of {@code rank} numbers, as one value per axis. */
    public double[] perAxis(String name, int rank) {
        JsonNode n = node(name);
        double[] v = new double[rank];
        if (n.isNumber()) {
            Arrays.fill(v, n.asDouble());
            return v;
        }
        if (!n.isArray() || n.size() != rank) {
            throw bad(name, n, "a number or a list of " + rank);
        }
        for (int i = 0; i < rank; i++) {
            if (!n.get(i).isNumber()) {
                throw bad(name, n, "a list of numbers");
            }
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    /** An integer or a list of {@code rank} integers, as one value per axis. */
    public int[] perAxisInt(String name, int rank) {
        double[] d = perAxis(name, rank);
        int[] v = new int[rank];
        for (int i = 0; i < rank; i++) {
            v[i] = (int) d[i];
            if (v[i] != d[i]) {
                throw bad(name, node(name), "integers");
            }
        }
        return v;
    }

    private IllegalArgumentException bad(String name, JsonNode n, String what) {
        return new IllegalArgumentException(c.name() + ": parameter '" + name + "' = " + n + " is not " + what);
    }
}
