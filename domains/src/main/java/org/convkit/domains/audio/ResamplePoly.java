package org.convkit.domains.audio;

/**
 * Rational-rate resampling by a polyphase windowed-sinc FIR, as scipy.signal.resample_poly(x, up,
 * down) with its defaults ({@code window=('kaiser', 5.0)}, {@code padtype='constant'}): the signal is
 * upsampled by {@code up} (zeros between samples), filtered by
 * {@code h = up * firwin(2 L + 1, 1 / max(up, down), window=('kaiser', 5.0))} with
 * {@code L = 10 max(up, down)}, and every {@code down}-th sample is kept, aligned so output sample
 * {@code i} sits at input time {@code i down / up}; zeros are assumed outside the signal. The output
 * has {@code ceil(n up / down)} samples. Only the taps that meet a nonzero upsampled sample are
 * summed (the polyphase shortcut), so the work is about {@code (2 L + 1) / up} multiply-adds per
 * output sample. Inputs are not modified.
 */
public final class ResamplePoly {

    /** The Kaiser window's beta in scipy's default window. */
    public static final double KAISER_BETA = 5.0;
    /** The largest {@code max(up, down)} accepted: the filter then has 2,000,001 taps. */
    public static final int MAX_FACTOR = 100_000;

    private ResamplePoly() {
    }

    /**
     * scipy.signal.resample_poly(x, up, down): {@code ceil(x.length up / down)} samples. As scipy,
     * {@code up} and {@code down} are first divided by their greatest common divisor, and equal
     * factors give a copy of {@code x}.
     */
    public static double[] resample(double[] x, int up, int down) {
        if (up < 1 || down < 1) {
            throw new IllegalArgumentException("up and down must be >= 1, got up " + up + " and down " + down);
        }
        int g = (int) gcd(up, down);
        up /= g;
        down /= g;
        if (Math.max(up, down) > MAX_FACTOR) {
            throw new IllegalArgumentException("up " + up + " and down " + down + " need a filter of more than "
                    + (20L * MAX_FACTOR + 1) + " taps");
        }
        if (up == 1 && down == 1) {
            return x.clone();
        }
        int n = x.length;
        long outLong = ((long) n * up + down - 1) / down;
        if (outLong > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " samples times " + up + " / " + down + " is more than an array holds");
        }
        int nOut = (int) outLong;
        int halfLen = 10 * Math.max(up, down);
        double[] h = filter(up, down);
        // scipy's alignment: pad the filter in front so output 0 lands on input 0, then drop the first outputs
        int prePad = down - halfLen % down;
        long preRemove = (halfLen + prePad) / down;
        int taps = h.length + prePad;
        double[] y = new double[nOut];
        for (int i = 0; i < nOut; i++) {
            long t = (preRemove + i) * down; // index into the upsampled, filtered signal
            long jHi = Math.min(n - 1, t / up);
            long jLo = Math.max(0, Math.floorDiv(t - taps + 1 + up - 1, up));
            double sum = 0;
            for (long j = jLo; j <= jHi; j++) {
                int k = (int) (t - j * up) - prePad;
                if (k >= 0) {
                    sum += h[k] * x[(int) j];
                }
            }
            y[i] = sum;
        }
        return y;
    }

    /** Resamples from {@code fromRate} to {@code toRate} Hz: {@link #resample} by {@code toRate / fromRate}. */
    public static double[] resampleRates(double[] x, long fromRate, long toRate) {
        if (fromRate < 1 || toRate < 1) {
            throw new IllegalArgumentException("sample rates must be >= 1 Hz, got " + fromRate + " and " + toRate);
        }
        long g = gcd(fromRate, toRate);
        long up = toRate / g;
        long down = fromRate / g;
        if (Math.max(up, down) > MAX_FACTOR) {
            throw new IllegalArgumentException("resampling " + fromRate + " Hz to " + toRate + " Hz needs the ratio "
                    + up + "/" + down + ", beyond the " + MAX_FACTOR + " a filter is designed for");
        }
        return resample(x, (int) up, (int) down);
    }

    /**
     * The filter resample_poly applies: {@code up * firwin(20 max + 1, 1 / max, window=('kaiser', 5.0))},
     * {@code max = max(up, down)}: a Kaiser-windowed sinc with cutoff {@code 1 / max} of Nyquist,
     * scaled to unit DC gain before the factor {@code up}.
     */
    public static double[] filter(int up, int down) {
        int max = Math.max(up, down);
        int taps = 20 * max + 1;
        double fc = 1.0 / max;
        double alpha = 0.5 * (taps - 1);
        double[] w = kaiser(taps, KAISER_BETA);
        double[] h = new double[taps];
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            double m = i - alpha;
            h[i] = fc * sinc(fc * m) * w[i];
            sum += h[i];
        }
        for (int i = 0; i < taps; i++) {
            h[i] = h[i] / sum * up;
        }
        return h;
    }

    /** The symmetric Kaiser window, scipy.signal.windows.kaiser(n, beta, sym=True). */
    static double[] kaiser(int n, double beta) {
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        double norm = besselI0(beta);
        for (int i = 0; i < n; i++) {
            double r = 2.0 * i / (n - 1) - 1;
            w[i] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        return w;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
    static double besselI0(double x) {
        double q = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /** numpy.sinc: {@code sin(pi x) / (pi x)}, 1 at 0. */
    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
