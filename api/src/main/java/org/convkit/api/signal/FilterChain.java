package org.convkit.api.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;

/**
 * Filters applied in order, e.g. the seed's moving average then a band-pass and a notch. Written
 * as a JSON array of steps ({@link Filter#toJson()}), without Java type ids, so a model file can
 * record the preprocessing it was trained with and any tool can read it.
 */
public record FilterChain(List<Filter> steps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public FilterChain {
        steps = List.copyOf(steps);
    }

    public static FilterChain of(Filter... steps) {
        return new FilterChain(List.of(steps));
    }

    /** Each step in turn along the last (time) axis; {@code x} is not modified. */
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        DoubleNd y = x;
        for (Filter f : steps) {
            y = f.apply(y, ctx);
        }
        return y;
    }

    /** The chain as a JSON array, one object per step. */
    public String toJson() {
        ArrayNode a = JSON.createArrayNode();
        steps.forEach(f -> a.add(f.toJson()));
        return a.toString();
    }

    /**
     * Reads a chain written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the step and the field when the text is not a valid chain
     */
    public static FilterChain fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("filter chain is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("a filter chain must be a JSON array of steps");
        }
        List<Filter> steps = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                steps.add(Filter.fromJson(root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("filter step " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new FilterChain(steps);
    }
}
