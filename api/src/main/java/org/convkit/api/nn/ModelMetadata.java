package org.convkit.api.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.signal.FilterChain;

/**
 * What a model file records besides the architecture and the weights: the class names (index
 * {@code i} is output {@code i}), the input shape without the batch dimension ({@code [C, ...]}),
 * the per-channel normalisation {@code (x - mean[c]) / std[c]} applied before the network, the
 * signal preprocessing the model was trained with, and where the model came from.
 *
 * @param classNames    the output classes in order; empty for models without classes (regression)
 * @param inputShape    {@code [C, spatial...]}, every entry positive
 * @param normalisation per-channel mean and standard deviation, or {@code null} for none
 * @param preprocessing the filter chain applied to raw signals first, or {@code null} for none
 * @param provenance    the convkit version, seed, data, date and Java version of the training run
 */
public record ModelMetadata(List<String> classNames, int[] inputShape, Normalisation normalisation,
        FilterChain preprocessing, Provenance provenance) {

    static final List<String> FIELDS = List.of("classNames", "inputShape", "normalisation", "preprocessing",
            "provenance");

    /** Per-channel normalisation: channel {@code c} becomes {@code (x - mean[c]) / std[c]}. */
    public record Normalisation(double[] mean, double[] std) {

        public Normalisation {
            mean = mean.clone();
            std = std.clone();
            if (mean.length == 0 || mean.length != std.length) {
                throw new IllegalArgumentException("normalisation needs one mean and one std per channel, got "
                        + mean.length + " means and " + std.length + " stds");
            }
            for (int c = 0; c < mean.length; c++) {
                if (!Double.isFinite(mean[c]) || !(std[c] > 0) || Double.isInfinite(std[c])) {
                    throw new IllegalArgumentException("normalisation of channel " + c + " needs a finite mean and a"
                            + " positive finite std, got mean " + mean[c] + ", std " + std[c]);
                }
            }
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        /**
         * {@code (x - mean[c]) / std[c]} for a batch {@code x [N, C, ...]}, as a new array (computed in
         * double, rounded to float once).
         */
        public FloatNd apply(FloatNd x) {
            Shape s = x.shape();
            if (s.rank() < 2 || s.dim(1) != mean.length) {
                throw new IllegalArgumentException("normalisation of " + mean.length + " channels cannot take input "
                        + s + " (expected [N, " + mean.length + ", ...])");
            }
            int n = s.dim(0);
            int area = n == 0 ? 0 : s.size() / (n * mean.length);
            float[] in = x.data();
            float[] out = new float[s.size()];
            for (int i = 0, k = 0; i < n; i++) {
                for (int c = 0; c < mean.length; c++) {
                    for (int j = 0; j < area; j++, k++) {
                        out[k] = (float) ((in[x.offset() + k] - mean[c]) / std[c]);
                    }
                }
            }
            return FloatNd.of(s, out);
        }

        @Override
        public double[] std() {
            return std.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Normalisation n && Arrays.equals(n.mean, mean) && Arrays.equals(n.std, std);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
        }

        @Override
        public String toString() {
            return "Normalisation(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
        }
    }

    /**
     * Where a model came from.
     *
     * @param convkitVersion the convkit version that trained it
     * @param seed           the training seed
     * @param data           a description of the training data (e.g. a directory and its split)
     * @param date           when training ended, ISO-8601 (e.g. {@code 2026-11-27T05:00:00Z})
     * @param javaVersion    {@code System.getProperty("java.version")} of the training run
     */
    public record Provenance(String convkitVersion, long seed, String data, String date, String javaVersion) {

        public Provenance {
            Objects.requireNonNull(convkitVersion, "convkitVersion");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(javaVersion, "javaVersion");
        }

        /** Provenance of a run ending now, on this Java. */
        public static Provenance now(String convkitVersion, long seed, String data) {
            return new Provenance(convkitVersion, seed, data,
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    System.getProperty("java.version"));
        }
    }

    public ModelMetadata {
        classNames = List.copyOf(classNames);
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("class names must be distinct, got " + classNames);
        }
        inputShape = inputShape.clone();
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("input shape [C, spatial...] needs at least one axis, all positive, got "
                    + Arrays.toString(inputShape));
        }
        if (normalisation != null && normalisation.mean.length != inputShape[0]) {
            throw new IllegalArgumentException("normalisation has " + normalisation.mean.length
                    + " channels but the input shape " + Arrays.toString(inputShape) + " has " + inputShape[0]);
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Equal when every field is; filter chains compare by their JSON form. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelMetadata m && m.classNames.equals(classNames)
                && Arrays.equals(m.inputShape, inputShape) && Objects.equals(m.normalisation, normalisation) && m.provenance.equals(provenance)
                && Objects.equals(chainJson(m.preprocessing), chainJson(preprocessing));
    }

    @Override
    public int hashCode() {
        return Objects.hash(classNames, Arrays.hashCode(inputShape), normalisation, provenance,
                chainJson(preprocessing));
    }

    @Override
    public String toString() {
        return "ModelMetadata(classNames=" + classNames + ", inputShape=" + Arrays.toString(inputShape)
                + ", normalisation=" + normalisation + ", preprocessing=" + chainJson(preprocessing)
                + ", provenance=" + provenance + ")";
    }

    private static String chainJson(FilterChain c) {
        return c == null ? null : c.toJson();
    }

    /** The fields as JSON, in the order of {@link #FIELDS}; absent parts are JSON {@code null}. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        writeTo(o);
        return o;
    }

    /** Reads what {@link #toJson()} writes; errors name the field and the value. */
    public static ModelMetadata fromJson(JsonNode node) {
        JsonFieldReader r = new JsonFieldReader(node, "model metadata");
        r.allowOnly(FIELDS.toArray(String[]::new));
        return read(r);
    }

    /** Adds the fields to {@code o} (model.json holds them beside the architecture). */
    void writeTo(ObjectNode o) {
        ArrayNode names = o.putArray("classNames");
        classNames.forEach(names::add);
        ArrayNode shape = o.putArray("inputShape");
        Arrays.stream(inputShape).forEach(shape::add);
        if (normalisation == null) {
            o.putNull("normalisation");
        } else {
            ObjectNode n = o.putObject("normalisation");
            Arrays.stream(normalisation.mean).forEach(n.putArray("mean")::add);
            Arrays.stream(normalisation.std).forEach(n.putArray("std")::add);
        }
        if (preprocessing == null) {
            o.putNull("preprocessing");
        } else {
            ArrayNode steps = o.putArray("preprocessing");
            preprocessing.steps().forEach(f -> steps.add(f.toJson()));
        }
        ObjectNode p = o.putObject("provenance");
        p.put("convkitVersion", provenance.convkitVersion()).put("seed", provenance.seed())
                .put("data", provenance.data()).put("date", provenance.date())
                .put("javaVersion", provenance.javaVersion());
    }

    /** Reads the fields from an object that may hold others (model.json); the caller checks for unknown ones. */
    static ModelMetadata read(JsonFieldReader r) {
        List<String> classNames = r.strings("classNames");
        int[] inputShape = r.integers("inputShape");
        Normalisation norm = null;
        JsonNode n = r.optional("normalisation");
        if (n != null) {
            JsonFieldReader nr = new JsonFieldReader(n, r.where() + " normalisation").allowOnly("mean", "std");
            norm = construct(() -> new Normalisation(nr.numbers("mean"), nr.numbers("std")), nr.where());
        }
        FilterChain chain = null;
        JsonNode c = r.optional("preprocessing");
        if (c != null) {
            chain = construct(() -> FilterChain.fromJson(c.toString()), r.where() + " field 'preprocessing'");
        }
        JsonFieldReader pr = new JsonFieldReader(r.required("provenance"), r.where() + " provenance")
                .allowOnly("convkitVersion", "seed", "data", "date", "javaVersion");
        Provenance prov = new Provenance(pr.string("convkitVersion"), pr.longInteger("seed"), pr.string("data"),
                pr.string("date"), pr.string("javaVersion"));
        Normalisation finalNorm = norm;
        FilterChain finalChain = chain;
        return construct(() -> new ModelMetadata(classNames, inputShape, finalNorm, finalChain, prov), r.where());
    }

    private static <T> T construct(java.util.function.Supplier<T> make, String where) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + " is invalid: " + e.getMessage(), e);
        }
    }
}
