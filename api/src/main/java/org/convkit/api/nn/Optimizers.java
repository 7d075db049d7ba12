package org.convkit.api.nn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds optimisers by name, for the command line: {@code sgd}, {@code adam} or {@code adamw}, with
 * options named as torch's arguments ({@code lr}, {@code momentum}, {@code nesterov},
 * {@code weight_decay}, {@code beta1}, {@code beta2}, {@code eps}); an option left out takes torch's
 * default (AdamW's weight decay 0.01; every other default 0, betas 0.9 and 0.999, eps 1e-8).
 */
public final class Optimizers {
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "sgd", Set.of("lr", "momentum", "nesterov", "weight_decay"),
            "adam", Set.of("lr", "beta1", "beta2", "eps", "weight_decay"),
            "adamw", Set.of("lr", "beta1", "beta2", "eps", "weight_decay"));

    private Optimizers() {
    }

    /** The names {@link #config} accepts, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(OPTIONS.keySet());
    }

    /** A fresh optimiser over {@code params}: {@code create("adam", Map.of("lr", "0.001"), params)}. */
    public static Optimizer create(String name, Map<String, String> options, List<Parameter> params) {
        return config(name, options).build(params);
    }

    /** The config for an optimiser name and its options (strings, as typed); {@code lr} is required. */
    public static OptimizerConfig config(String name, Map<String, String> options) {
        Set<String> allowed = OPTIONS.get(name);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown optimiser '" + name + "', expected one of "
                    + new TreeMap<>(OPTIONS).keySet());
        }
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("optimiser " + name + " has no option '" + key
                        + "', expected some of " + new TreeSet<>(allowed));
            }
        }
        if (!options.containsKey("lr")) {
            throw new IllegalArgumentException("optimiser " + name + " needs option 'lr'");
        }
        double lr = number(options, "lr", 0);
        return switch (name) {
            case "sgd" -> new SgdConfig(lr, number(options, "momentum", 0), bool(options, "nesterov"),
                    number(options, "weight_decay", 0));
            case "adam" -> new AdamConfig(lr, number(options, "beta1", 0.9), number(options, "beta2", 0.999),
                    number(options, "eps", 1e-8), number(options, "weight_decay", 0));
            default -> new AdamWConfig(lr, number(options, "beta1", 0.9), number(options, "beta2", 0.999),
                    number(options, "eps", 1e-8), number(options, "weight_decay", 0.01));
        };
    }

    private static double number(Map<String, String> options, String key, double fallback) {
        String s = options.get(key);
        if (s == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("optimiser option " + key + "='" + s + "' is not a number", e);
        }
    }

    private static boolean bool(Map<String, String> options, String key) {
        String s = options.getOrDefault(key, "false").trim();
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("optimiser option " + key + "='" + s + "' is not true or false");
        }
        return Boolean.parseBoolean(s);
    }
}
