package org.convkit.api.nn;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The child process of {@link CheckpointKillTest}: saves checkpoint after checkpoint to one path
 * (save {@code k} holds the tensors of seed {@code k % 2} and epoch {@code k}) until it is killed,
 * printing {@code saved k} after each save. The two models are built once, so the process spends
 * its time saving and a kill most likely lands inside a save.
 */
public final class CheckpointWriterMain {
    static final SequentialSpec SPEC = SequentialSpec.of(new LinearSpec(1024, 1024, true),
            new LinearSpec(1024, 10, true));

    private CheckpointWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        SpecOnlyModel[] models = {SpecOnlyModel.random(SPEC, 0), SpecOnlyModel.random(SPEC, 1)};
        for (int k = 0; ; k++) {
            SpecOnlyModel m = models[k % 2];
            Optimizer opt = SgdConfig.of(0.1).build(new ArrayList<>(m.parameters().values()));
            Checkpoint.save(file, m, ModelMetadataTest.bare(), opt, CheckpointTest.trainerState(k));
            System.out.println("saved " + k);
            System.out.flush();
        }
    }
}
