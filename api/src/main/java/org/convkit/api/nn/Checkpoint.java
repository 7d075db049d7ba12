package org.convkit.api.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A training checkpoint: a {@link ModelFile} (so it loads as a model too) plus
 * <ul>
 * <li>{@code optimizer.json}: {@code kind} ({@code sgd}, {@code adam}, {@code adamw}: the class
 * name in lower case), {@code steps}, {@code learningRate} and the {@code state} names in order;</li>
 * <li>one {@code optimizer/<name>.npy} per entry of {@link Optimizer#state()} (e.g.
 * {@code optimizer/0.exp_avg.npy}), a 1-d float32 array;</li>
 * <li>{@code trainer.json}: the trainer's own state (epoch, RNG state, best metric...), stored as given.</li>
 * </ul>
 * Saving is atomic: a process killed during a save (even by SIGKILL) leaves the previous checkpoint
 * whole, because the new one is written to a temporary file and renamed over it. Save, load, save
 * gives a byte-identical file. Loading reports damage as {@link ModelFile#load} does.
 */
public final class Checkpoint {
    static final String OPTIMIZER_JSON = "optimizer.json";
    static final String OPTIMIZER = "optimizer/";
    static final String TRAINER_JSON = "trainer.json";

    /**
     * What a checkpoint holds.
     *
     * @param loaded         the model with its weights and metadata
     * @param optimizerState {@link Optimizer#state()} at the save, in its order
     * @param optimizerSteps {@link Optimizer#steps()} at the save
     * @param learningRate   {@link Optimizer#learningRate()} at the save
     * @param trainerState   the trainer's state as saved
     */
    public record Contents(LoadedModel loaded, Map<String, float[]> optimizerState, long optimizerSteps,
            double learningRate, ObjectNode trainerState) {

        public Contents {
            Objects.requireNonNull(loaded, "loaded");
            optimizerState = Collections.unmodifiableMap(new LinkedHashMap<>(optimizerState));
            Objects.requireNonNull(trainerState, "trainerState");
        }

        /**
         * Puts the saved state, step count and learning rate into {@code optimizer}, which must be
         * built over {@code loaded().model()}'s parameters with the same hyper-parameters as the one saved.
         *
         * @throws IllegalArgumentException when the state does not fit the optimiser (another kind, other parameters)
         */
        public void restoreOptimizer(Optimizer optimizer) {
            optimizer.restore(optimizerState, optimizerSteps);
            optimizer.setLearningRate(learningRate);
        }
    }

    private Checkpoint() {
    }

    /**
     * Writes the model, its metadata, the optimiser's state and the trainer's state, replacing
     * {@code file} atomically.
     */
    public static void save(Path file, Model model, ModelMetadata metadata, Optimizer optimizer,
            ObjectNode trainerState) throws IOException {
        Objects.requireNonNull(trainerState, "trainerState");
        ModelArchive.Builder archive = new ModelArchive.Builder();
        ModelFile.addModel(archive, model, metadata);
        Map<String, float[]> state = optimizer.state();
        ObjectNode opt = JsonNodeFactory.instance.objectNode();
        opt.put("kind", optimizer.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        opt.put("steps", optimizer.steps());
        opt.put("learningRate", optimizer.learningRate());
        ArrayNode names = opt.putArray("state");
        state.keySet().forEach(names::add);
        archive.json(OPTIMIZER_JSON, opt);
        for (var e : state.entrySet()) {
            float[] v = e.getValue();
            archive.npy(stateEntry(e.getKey()), new FloatNd(v, 0, Shape.of(v.length)));
        }
        archive.json(TRAINER_JSON, trainerState);
        AtomicFiles.write(file, archive::writeTo);
    }

    /**
     * Reads a checkpoint written by {@link #save}; errors are
     * {@link org.convkit.api.io.DataFileException}s naming the file.
     */
    public static Contents load(Path file) throws IOException {
        return load(file, Model::build);
    }

    static Contents load(Path file, Function<ModelSpec, Model> builder) throws IOException {
        try (ModelArchive.Reader archive = ModelArchive.Reader.open(file)) {
            LoadedModel loaded = ModelFile.readModel(archive, builder);
            JsonNode opt = archive.json(OPTIMIZER_JSON);
            long steps;
            double lr;
            List<String> names;
            try {
                JsonFieldReader r = new JsonFieldReader(opt, OPTIMIZER_JSON).allowOnly("kind", "steps", "learningRate",
                        "state");
                r.string("kind");
                steps = r.longInteger("steps");
                lr = r.number("learningRate");
                names = r.strings("state");
                if (steps < 0 || !(lr >= 0) || Double.isInfinite(lr)) {
                    throw r.error("needs steps >= 0 and a finite learningRate >= 0, got " + steps + " and " + lr);
                }
            } catch (IllegalArgumentException e) {
                throw archive.error(e.getMessage());
            }
            Map<String, float[]> state = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            for (String name : names) {
                String entry;
                try {
                    entry = stateEntry(name);
                } catch (IllegalArgumentException e) {
                    throw archive.error(OPTIMIZER_JSON + " " + e.getMessage());
                }
                FloatNd a = archive.floats(entry);
                if (a.shape().rank() != 1) {
                    throw archive.error("entry " + entry + " has shape " + a.shape() + "; optimiser state is 1-d");
                }
                if (state.put(name, a.toArray()) != null) {
                    throw archive.error(OPTIMIZER_JSON + " lists the state '" + name + "' twice");
                }
                used.add(entry);
            }
            for (String name : archive.names()) {
                if (name.startsWith(OPTIMIZER) && !used.contains(name)) {
                    throw archive.error("entry " + name + " is not listed in " + OPTIMIZER_JSON);
                }
            }
            ObjectNode trainer = (ObjectNode) archive.json(TRAINER_JSON);
            return new Contents(loaded, state, steps, lr, trainer);
        }
    }

    private static String stateEntry(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("optimiser state name '" + name + "' cannot name an archive entry");
        }
        return OPTIMIZER + name + ".npy";
    }
}
