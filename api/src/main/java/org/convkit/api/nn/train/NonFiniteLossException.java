package org.convkit.api.nn.train;

/** Training stopped because a batch's loss was NaN or infinite; the weights are those before that batch. */
public final class NonFiniteLossException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    public NonFiniteLossException(double loss, int epoch, int batch) {
        super("loss is " + (Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Inf" : "-Inf") + " at epoch " + epoch
                + ", batch " + batch + " (try a lower learning rate, or check the inputs for NaN)");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The batch within the epoch, from 1. */
    public int batch() {
        return batch;
    }
}
