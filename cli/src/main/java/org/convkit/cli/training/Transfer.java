package org.convkit.cli.training;

import java.nio.file.Path;
import org.convkit.api.nn.Model;

/** Starting a training run from another model's weights ({@code --from}, {@code --freeze-until}). */
public final class Transfer {

    private Transfer() {
    }

    /** Transfer learning is not part of this build: {@link #apply} says so. */
    public static final class NotAvailableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAvailableException(String message) {
            super(message);
        }
    }

    /**
     * THE PLUG-IN POINT for {@code org.convkit.api.nn.transfer}: copies the weights of the model in
     * {@code from} into {@code model} wherever names and shapes match, and freezes the layers up to
     * and including {@code freezeUntil} (null for none). Until that package is merged it refuses.
     *
     * @throws NotAvailableException always, in this build
     */
    public static void apply(Path from, String freezeUntil, Model model) {
        throw new NotAvailableException("--from " + from + (freezeUntil == null ? "" : " --freeze-until " + freezeUntil)
                + ": transfer learning is not available in this build");
    }
}
