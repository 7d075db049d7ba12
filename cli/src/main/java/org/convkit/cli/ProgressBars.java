package org.convkit.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.convkit.api.nn.train.EpochReport;
import org.convkit.api.nn.train.TrainingListener;

/**
 * Training progress on the terminal: one bar per epoch on standard error, counting samples (samples
 * per second and ETA from the progress-bar library), the running loss while it fills, and the
 * epoch's loss and accuracy, then validation loss/accuracy, when it ends. Never writes to a command's output writer; silent when
 * standard output is not a terminal ({@code System.console()} is null: pipes, tests, CI) or with
 * {@code --quiet}.
 */
final class ProgressBars implements TrainingListener {
    private final PrintStream stream;
    private final int batchSize;
    private final int epochs;
    private ProgressBar bar;
    private double lossSum;
    private long seen;

    /** Bars on standard error for {@code epochs} epochs in batches of {@code batchSize}. */
    ProgressBars(int batchSize, int epochs) {
        this.stream = System.err;
        this.batchSize = batchSize;
        this.epochs = epochs;
    }

    /** Whether bars are shown: on a terminal and not {@code quiet}. */
    static boolean shown(boolean quiet) {
        return !quiet && System.console() != null;
    }

    @Override
    public void onEpochStart(int epoch, int batches, double learningRate) {
        lossSum = 0;
        seen = 0;
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax((long) batches * batchSize).setUnit("", 1).showSpeed().setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(stream)).setUpdateIntervalMillis(200).build();
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss, long itemsDone) {
        lossSum += loss * (itemsDone - seen);
        seen = itemsDone;
        if (bar != null) {
            bar.stepTo(itemsDone);
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", lossSum / Math.max(1, seen)));
        }
    }

    @Override
    public void onEpochEnd(EpochReport r) {
        if (bar == null) {
            return;
        }
        // short enough for an 80-column terminal beside the bar, counts, times and rate
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT, " loss %.3f acc %.2f", r.trainLoss(),
                r.trainAccuracy()));
        if (!Double.isNaN(r.validationLoss())) {
            m.append(String.format(Locale.ROOT, " val %.3f/%.2f", r.validationLoss(), r.validationAccuracy()));
        }
        bar.setExtraMessage(m.toString());
        bar.maxHint(seen);
        bar.stepTo(seen);
        bar.close();
        bar = null;
    }
}
