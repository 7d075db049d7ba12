package org.convkit.api.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;

/**
 * The model file ({@code .ckpt}): a zip archive that any zip tool opens, holding
 * <ul>
 * <li>{@code model.json}: {@code formatVersion} ({@value #FORMAT_VERSION}), {@code architecture}
 * ({@link LayerSpecJson}), the {@link ModelMetadata} fields ({@code classNames}, {@code inputShape},
 * {@code normalisation}, {@code preprocessing}, {@code provenance}) and the qualified names of the
 * {@code parameters} and {@code buffers} in the model's order;</li>
 * <li>one {@code weights/<qualified name>.npy} per parameter and buffer (e.g.
 * {@code weights/conv1.weight.npy}), float32 little-endian in C order, the shape of the tensor.</li>
 * </ul>
 * No Java serialization and no Java type ids: {@code numpy.load("m.ckpt")["weights/conv1.weight"]}
 * reads a weight, as the archive is also a valid {@code .npz}.
 *
 * <p>Saving is atomic ({@link AtomicFiles}: a crash leaves the previous file) and reproducible: save,
 * load, save gives a byte-identical file (see {@link ModelArchive}). Loading refuses a file of a
 * newer format version, and reports a damaged file (not a zip, truncated, a missing or extra entry,
 * bad JSON, a shape that does not match the architecture) as a {@link DataFileException} naming the
 * file and the problem.
 */
public final class ModelFile {
    /** The format version written, and the newest one read. */
    public static final int FORMAT_VERSION = 1;

    static final String MODEL_JSON = "model.json";
    static final String WEIGHTS = "weights/";

    private ModelFile() {
    }

    /**
     * Writes {@code model}'s architecture, parameters and buffers with {@code metadata}, replacing
     * {@code file} atomically.
     */
    public static void save(Path file, Model model, ModelMetadata metadata) throws IOException {
        ModelArchive.Builder archive = new ModelArchive.Builder();
        addModel(archive, model, metadata);
        AtomicFiles.write(file, archive::writeTo);
    }

    /** Reads a model file (a {@link Checkpoint} also reads as one); see the class comment for the errors. */
    public static LoadedModel load(Path file) throws IOException {
        return load(file, Model::build);
    }

    static LoadedModel load(Path file, Function<ModelSpec, Model> builder) throws IOException {
        try (ModelArchive.Reader archive = ModelArchive.Reader.open(file)) {
            return readModel(archive, builder);
        }
    }

    static void addModel(ModelArchive.Builder archive, Model model, ModelMetadata metadata) {
        Map<String, Parameter> params = model.parameters();
        Map<String, Parameter> buffers = model.buffers();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.set("architecture", LayerSpecJson.toJson(model.spec()));
        metadata.writeTo(root);
        ArrayNode p = root.putArray("parameters");
        params.keySet().forEach(p::add);
        ArrayNode b = root.putArray("buffers");
        buffers.keySet().forEach(b::add);
        archive.json(MODEL_JSON, root);
        for (var e : params.entrySet()) {
            archive.npy(entryName(e.getKey()), e.getValue().value());
        }
        for (var e : buffers.entrySet()) {
            archive.npy(entryName(e.getKey()), e.getValue().value());
        }
    }

    static String entryName(String qualified) {
        if (qualified.isEmpty() || qualified.contains("/") || qualified.contains("\\")) {
            throw new IllegalArgumentException("tensor name '" + qualified + "' cannot name an archive entry");
        }
        return WEIGHTS + qualified + ".npy";
    }

    static LoadedModel readModel(ModelArchive.Reader archive, Function<ModelSpec, Model> builder) throws IOException {
        JsonNode root = archive.json(MODEL_JSON);
        checkVersion(archive, root);
        ModelSpec spec;
        ModelMetadata metadata;
        List<String> paramNames;
        List<String> bufferNames;
        try {
            JsonFieldReader r = new JsonFieldReader(root, MODEL_JSON);
            List<String> fields = new ArrayList<>(List.of("formatVersion", "architecture", "parameters", "buffers"));
            fields.addAll(ModelMetadata.FIELDS);
            r.allowOnly(fields.toArray(String[]::new));
            spec = LayerSpecJson.modelFromJson(r.required("architecture"));
            metadata = ModelMetadata.read(r);
            paramNames = r.strings("parameters");
            bufferNames = r.strings("buffers");
        } catch (IllegalArgumentException e) {
            throw archive.error(prefixed(e.getMessage()));
        }
        Model model;
        try {
            model = builder.apply(spec);
        } catch (IllegalArgumentException e) {
            throw archive.error(MODEL_JSON + " architecture cannot be built: " + e.getMessage());
        }
        Set<String> used = new HashSet<>();
        copyTensors(archive, "parameters", paramNames, model.parameters(), used);
        copyTensors(archive, "buffers", bufferNames, model.buffers(), used);
        for (String name : archive.names()) {
            if (name.startsWith(WEIGHTS) && !used.contains(name)) {
                throw archive.error("entry " + name + " matches no parameter or buffer of the architecture");
            }
        }
        return new LoadedModel(model, metadata);
    }

    private static String prefixed(String message) {
        return message.startsWith(MODEL_JSON) ? message : MODEL_JSON + " " + message;
    }

    private static void checkVersion(ModelArchive.Reader archive, JsonNode root) throws DataFileException {
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw archive.error(MODEL_JSON + " field 'formatVersion' must be a positive integer, got " + v);
        }
        if (v.asInt() > FORMAT_VERSION) {
            throw archive.error("model file has format version " + v.asInt() + "; this convkit reads up to "
                    + FORMAT_VERSION + " (the file was written by a newer convkit)");
        }
    }

    private static void copyTensors(ModelArchive.Reader archive, String what, List<String> listed,
            Map<String, Parameter> expected, Set<String> used) throws IOException {
        if (!listed.equals(new ArrayList<>(expected.keySet()))) {
            throw archive.error(MODEL_JSON + " lists " + what + " " + listed + " but its architecture has "
                    + expected.keySet());
        }
        for (var e : expected.entrySet()) {
            String entry = entryName(e.getKey());
            FloatNd a = archive.floats(entry);
            Parameter p = e.getValue();
            if (!a.shape().equals(p.shape())) {
                throw archive.error("entry " + entry + " has shape " + a.shape() + " but the architecture needs "
                        + p.shape());
            }
            System.arraycopy(a.data(), a.offset(), p.value().data(), 0, p.size());
            used.add(entry);
        }
    }
}
