package org.convkit.api.signal;

/**
 * What scipy.signal.stft returns: the frequencies of the rows, the times of the columns (segment
 * centres, in seconds, relative to the unextended signal) and the spectra.
 *
 * @param f frequencies in Hz, one per row of {@code z}
 * @param t times in seconds, one per column of {@code z}
 * @param z the complex STFT, {@code [frequency, frame]}
 */
public record StftResult(double[] f, double[] t, ComplexMatrix z) {

    public StftResult {
        if (f.length != z.rows() || t.length != z.cols()) {
            throw new IllegalArgumentException(f.length + " frequencies and " + t.length + " times for a "
                    + z.rows() + " x " + z.cols() + " STFT");
        }
        f = f.clone();
        t = t.clone();
    }

    @Override
    public double[] f() {
        return f.clone();
    }

    @Override
    public double[] t() {
        return t.clone();
    }
}
