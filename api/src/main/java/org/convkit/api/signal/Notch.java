package org.convkit.api.signal;

/**
 * Second-order IIR notch filters as scipy.signal.iirnotch designs them, e.g. to remove 50/60 Hz
 * mains interference: zeros on the unit circle at {@code w0}, -3 dB bandwidth {@code w0 / Q}.
 */
public final class Notch {

    private Notch() {
    }

    /**
     * scipy.signal.iirnotch(w0, Q, fs): with {@code w = 2 pi w0 / fs}, {@code bw = w / Q},
     * {@code beta = tan(bw / 2)} and {@code g = 1 / (1 + beta)}: {@code b = g [1, -2 cos w, 1]},
     * {@code a = [1, -2 g cos w, 2 g - 1]}.
     *
     * @param w0 the frequency to remove, in Hz, in (0, fs/2)
     * @param q  the quality factor, positive
     * @param fs the sampling rate in Hz, positive
     */
    public static TransferFunction iirnotch(double w0, double q, double fs) {
        if (!(fs > 0) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("sampling rate fs must be positive and finite, got " + fs);
        }
        if (!(q > 0) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("quality factor Q must be positive and finite, got " + q);
        }
        if (!(w0 > 0 && w0 < fs / 2)) {
            throw new IllegalArgumentException("notch frequency " + w0 + " Hz is outside (0, fs/2) = (0, " + fs / 2
                    + ") for fs = " + fs + " Hz");
        }
        double w = 2 * w0 / fs;
        double bw = w / q;
        bw = bw * Math.PI;
        w = w * Math.PI;
        double gb = 1 / Math.sqrt(2);
        double beta = (Math.sqrt(1.0 - gb * gb) / gb) * Math.tan(bw / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double[] b = {gain * 1.0, gain * (-2.0 * Math.cos(w)), gain * 1.0};
        double[] a = {1.0, -2.0 * gain * Math.cos(w), 2.0 * gain - 1.0};
        return new TransferFunction(b, a);
    }
}
