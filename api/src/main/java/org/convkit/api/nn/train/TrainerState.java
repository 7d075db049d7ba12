package org.convkit.api.nn.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link Trainer} needs, besides the model and the optimiser, to continue a run
 * exactly where it stopped: the next epoch, the seed and batch size the shuffles and dropout were
 * drawn with, the optimiser's base learning rate (for schedules), the best epoch so far and the
 * early-stopping counter, the epoch history and, under early stopping, the best weights. No random
 * generator state is needed: every draw derives from (seed, epoch, batch).
 *
 * <p>{@link #toJson()} writes it as plain JSON (no type ids); floats of the best weights are
 * base64 of their little-endian float32 bytes, so they come back bit for bit; NaN figures are
 * written as {@code null}.
 *
 * @param nextEpoch        the epoch to run next, from 1
 * @param seed             the run's seed
 * @param batchSize        the run's batch size
 * @param baseLearningRate the rate schedules start from
 * @param monitored        the metric the best epoch is tracked on
 * @param bestValue        its best value so far (NaN before the first epoch)
 * @param bestEpoch        the epoch that reached it (0 before the first epoch)
 * @param sinceBest        epochs since the best one
 * @param stopped          whether early stopping ended the run
 * @param history          one report per finished epoch
 * @param bestWeights      the best epoch's parameters and buffers by qualified name, empty unless early stopping is on
 */
public record TrainerState(int nextEpoch, long seed, int batchSize, double baseLearningRate, Metric monitored,
        double bestValue, int bestEpoch, int sinceBest, boolean stopped, List<EpochReport> history,
        Map<String, float[]> bestWeights) {

    /** The format version written; newer versions are refused. */
    public static final int FORMAT = 1;

    public TrainerState {
        if (nextEpoch < 1 || history.size() != nextEpoch - 1) {
            throw new IllegalArgumentException("trainer state at epoch " + nextEpoch + " needs " + (nextEpoch - 1)
                    + " epoch reports, got " + history.size());
        }
        if (bestEpoch < 0 || bestEpoch >= nextEpoch || sinceBest < 0) {
            throw new IllegalArgumentException("trainer state: best epoch " + bestEpoch + " and epochs since best "
                    + sinceBest + " do not fit next epoch " + nextEpoch);
        }
        history = List.copyOf(history);
        bestWeights = Collections.unmodifiableMap(new LinkedHashMap<>(bestWeights));
    }

    /** The state as JSON; see the class comment. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("format", FORMAT).put("nextEpoch", nextEpoch).put("seed", seed).put("batchSize", batchSize)
                .put("baseLearningRate", baseLearningRate).put("monitored", monitored.id());
        putDouble(o, "bestValue", bestValue);
        o.put("bestEpoch", bestEpoch).put("sinceBest", sinceBest).put("stopped", stopped);
        ArrayNode h = o.putArray("history");
        for (EpochReport r : history) {
            ObjectNode e = h.addObject().put("epoch", r.epoch());
            putDouble(e, "trainLoss", r.trainLoss());
            putDouble(e, "trainAccuracy", r.trainAccuracy());
            putDouble(e, "validationLoss", r.validationLoss());
            putDouble(e, "validationAccuracy", r.validationAccuracy());
            putDouble(e, "learningRate", r.learningRate());
            putDouble(e, "seconds", r.seconds());
            e.put("improved", r.improved());
        }
        ObjectNode w = o.putObject("bestWeights");
        bestWeights.forEach((name, values) -> w.put(name, encode(values)));
        return o;
    }

    /** Reads {@link #toJson()}'s output; a missing or malformed field is an IllegalArgumentException naming it. */
    public static TrainerState fromJson(JsonNode o) {
        int format = integer(o, "format");
        if (format > FORMAT) {
            throw new IllegalArgumentException("trainer state format " + format + " is newer than this version reads ("
                    + FORMAT + ")");
        }
        List<EpochReport> history = new ArrayList<>();
        for (JsonNode e : field(o, "history")) {
            history.add(new EpochReport(integer(e, "epoch"), dbl(e, "trainLoss"), dbl(e, "trainAccuracy"),
                    dbl(e, "validationLoss"), dbl(e, "validationAccuracy"), dbl(e, "learningRate"), dbl(e, "seconds"),
                    field(e, "improved").asBoolean()));
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        field(o, "bestWeights").fields().forEachRemaining(en -> weights.put(en.getKey(), decode(en.getKey(),
                en.getValue())));
        long seed = field(o, "seed").asLong();
        return new TrainerState(integer(o, "nextEpoch"), seed, integer(o, "batchSize"), dbl(o, "baseLearningRate"),
                Metric.parse(field(o, "monitored").asText()), dbl(o, "bestValue"), integer(o, "bestEpoch"),
                integer(o, "sinceBest"), field(o, "stopped").asBoolean(), history, weights);
    }

    private static void putDouble(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("trainer state: missing field '" + name + "'");
        }
        return v;
    }

    private static int integer(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.canConvertToInt()) {
            throw new IllegalArgumentException("trainer state: field '" + name + "' is not an int: " + v);
        }
        return v.asInt();
    }

    private static double dbl(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (v.isNull()) {
            return Double.NaN;
        }
        if (v.isTextual() && (v.asText().equals("Infinity") || v.asText().equals("-Infinity"))) {
            return v.asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("trainer state: field '" + name + "' is not a number: " + v);
        }
        return v.asDouble();
    }

    private static String encode(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static float[] decode(String name, JsonNode v) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trainer state: best weights '" + name + "' are not base64", e);
        }
        if (!v.isTextual() || bytes.length % 4 != 0) {
            throw new IllegalArgumentException("trainer state: best weights '" + name + "' are not float32 bytes");
        }
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
