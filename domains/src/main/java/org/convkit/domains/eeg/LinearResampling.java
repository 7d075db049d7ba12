package org.convkit.domains.eeg;

/**
 * Linear interpolation between sample rates whose ratio is rational, as EDF channel rates are
 * (samples per record over a common record duration). Output sample {@code j} is input position
 * {@code j * num / den}, computed in integers so that positions falling on input samples copy them
 * exactly; between samples the value is {@code x[i] + f * (x[i+1] - x[i])}; past the last input
 * sample the last value is held.
 */
final class LinearResampling {

    private LinearResampling() {
    }

    /**
     * {@code n} values read from {@code x[from .. from+length)} at positions {@code j * num / den}.
     *
     * @param num positions advance by {@code num / den} input samples per output sample
     */
    static double[] resample(double[] x, int from, int length, long num, long den, int n) {
        if (length < 1 || num < 1 || den < 1) {
            throw new IllegalArgumentException("cannot resample " + length + " samples by " + num + "/" + den);
        }
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            long p = j * num;
            long i = p / den;
            long rem = p % den;
            if (i >= length - 1) {
                y[j] = x[from + length - 1];
            } else if (rem == 0) {
                y[j] = x[from + (int) i];
            } else {
                double a = x[from + (int) i];
                y[j] = a + (double) rem / den * (x[from + (int) i + 1] - a);
            }
        }
        return y;
    }
}
