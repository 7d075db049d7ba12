package org.convkit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.convkit.api.nn.train.EpochReport;
import org.convkit.api.nn.train.TrainingListener;

/** One line per epoch on a command's output, for logs when no progress bar is shown. */
final class EpochLines implements TrainingListener {
    private final PrintWriter out;
    private final int epochs;

    EpochLines(PrintWriter out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void onEpochEnd(EpochReport r) {
        out.println(line(r, epochs));
        out.flush();
    }

    static String line(EpochReport r, int epochs) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  acc %.3f", r.epoch(),
                epochs, r.trainLoss(), r.trainAccuracy()));
        if (!Double.isNaN(r.validationLoss())) {
            b.append(String.format(Locale.ROOT, "  val loss %.4f  val acc %.3f", r.validationLoss(),
                    r.validationAccuracy()));
        }
        b.append(String.format(Locale.ROOT, "  %.1f s", r.seconds()));
        return b.toString();
    }

    /** The bars when on a terminal, else these lines unless quiet or the output is JSON. */
    static TrainingListener choose(boolean quiet, boolean json, PrintWriter out, int batchSize, int epochs) {
        if (ProgressBars.shown(quiet)) {
            return new ProgressBars(batchSize, epochs);
        }
        return quiet || json ? TrainingListener.none() : new EpochLines(out, epochs);
    }
}
