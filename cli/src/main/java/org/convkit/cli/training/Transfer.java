package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelFile;

/** Starting a training run from another model's weights ({@code --from}, {@code --freeze-until}). */
public final class Transfer {

    private Transfer() {
    }

    /**
     * The model in {@code from} with its head (last linear layer) replaced for {@code classNames},
     * initialised from {@code seed}, and its layers up to and including {@code freezeUntil} frozen
     * (none when null); see {@link org.convkit.api.nn.transfer.Transfer#prepare}.
     *
     * @throws IllegalArgumentException when the data's samples do not have the model's input shape,
     *                                  or a layer is absent
     */
    public static Model fromModel(Path from, String freezeUntil, List<String> classNames, Shape sampleShape,
            long seed) throws IOException {
        LoadedModel loaded = ModelFile.load(from);
        int[] recorded = loaded.metadata().inputShape();
        if (!Arrays.equals(recorded, TrainingRun.dims(sampleShape))) {
            throw new IllegalArgumentException("--from " + from + ": the model takes inputs " + Arrays.toString(recorded)
                    + " but the data's samples are " + sampleShape);
        }
        return org.convkit.api.nn.transfer.Transfer.prepare(loaded, freezeUntil, null, classNames, seed).model();
    }

    /** Freezes again after a resume: trainable flags are not part of a checkpoint. */
    public static void refreeze(Model model, String freezeUntil) {
        if (freezeUntil != null) {
            org.convkit.api.nn.transfer.Transfer.freezeUntil(model, freezeUntil);
        }
    }
}
