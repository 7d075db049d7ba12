package org.convkit.cli.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nn.train.EpochReport;
import org.convkit.api.nn.train.Evaluation;

/** The JSON reports of the commands. Non-finite numbers (no validation set) are written as {@code null}. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Pretty-printed, ending without a newline. */
    public static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    /** Puts {@code v}, or null when it is NaN or infinite (JSON has no such numbers). */
    public static void put(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /**
     * {@code {"accuracy": a, "loss": l, "samples": n, "classNames": [...], "perClass": {name: {"precision",
     * "recall", "f1", "support"}}, "confusion": [[...]]}}, confusion rows the true classes.
     */
    public static ObjectNode evaluation(Evaluation e) {
        ObjectNode o = object();
        put(o, "accuracy", e.accuracy());
        put(o, "loss", e.loss());
        o.put("samples", e.samples());
        ArrayNode names = o.putArray("classNames");
        e.classNames().forEach(names::add);
        ObjectNode per = o.putObject("perClass");
        int[][] cm = e.confusion();
        for (int c = 0; c < e.classNames().size(); c++) {
            ObjectNode k = per.putObject(e.classNames().get(c));
            put(k, "precision", e.precision()[c]);
            put(k, "recall", e.recall()[c]);
            put(k, "f1", e.f1()[c]);
            k.put("support", Arrays.stream(cm[c]).sum());
        }
        ArrayNode conf = o.putArray("confusion");
        for (int[] row : cm) {
            ArrayNode r = conf.addArray();
            Arrays.stream(row).forEach(r::add);
        }
        return o;
    }

    /** One object per epoch: epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds. */
    public static ArrayNode history(List<EpochReport> history) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (EpochReport r : history) {
            ObjectNode o = a.addObject();
            o.put("epoch", r.epoch());
            put(o, "trainLoss", r.trainLoss());
            put(o, "trainAccuracy", r.trainAccuracy());
            put(o, "validationLoss", r.validationLoss());
            put(o, "validationAccuracy", r.validationAccuracy());
            put(o, "learningRate", r.learningRate());
            put(o, "seconds", r.seconds());
        }
        return a;
    }
}
