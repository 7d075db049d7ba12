package org.convkit.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.FrequencyResponse;
import org.convkit.api.signal.TransferFunction;
import org.convkit.api.signal.ZeroPoleGain;

/**
 * Handlers for filter design and analysis: {@code butter} (scipy.signal.butter, output='ba'),
 * {@code freqz} (scipy.signal.freqz, worN=n, fs) and {@code tf2zpk} (scipy.signal.tf2zpk). The
 * golden zeros and poles are compared as unordered sets: both sides are sorted by real then
 * imaginary part (numpy.sort_complex), which the expected arrays already are.
 */
final class DesignHandlers {

    /** numpy.sort_complex's order: by real part, then imaginary part, with -0.0 equal to 0.0. */
    private static final Comparator<Complex> SORT_COMPLEX = (x, y) -> {
        int c = compare(x.getReal(), y.getReal());
        return c != 0 ? c : compare(x.getImaginary(), y.getImaginary());
    };

    private DesignHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "butter", c -> {
            TransferFunction tf = Butterworth.design(c.param().integer("order"), numbers(c, "wn"),
                    c.param().string("btype"), c.param().number("fs")).transferFunction();
            return Map.of("b", real(tf.b()), "a", real(tf.a()));
        });
        OpHandlers.put(m, "freqz", c -> {
            int n = c.param().has("n") ? c.param().integer("n") : c.param().integer("worN");
            FrequencyResponse r = FrequencyResponse.freqz(c.input("b").re(), c.input("a").re(), n,
                    c.param().number("fs", 2 * Math.PI));
            return Map.of("w", real(r.frequencies()), "h", GoldenArray.complex(new int[] {n}, r.re(), r.im()));
        });
        OpHandlers.put(m, "tf2zpk", c -> {
            ZeroPoleGain zpk = ZeroPoleGain.tf2zpk(c.input("b").re(), c.input("a").re());
            return Map.of("z", sortedComplex(zpk.zeros()), "p", sortedComplex(zpk.poles()),
                    "k", real(new double[] {zpk.gain()}));
        });
    }

    private static GoldenArray real(double[] v) {
        return new GoldenArray(new int[] {v.length}, v, null);
    }

    private static GoldenArray sortedComplex(Complex[] v) {
        Complex[] s = v.clone();
        Arrays.sort(s, SORT_COMPLEX);
        double[] re = new double[s.length];
        double[] im = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            re[i] = s[i].getReal();
            im[i] = s[i].getImaginary();
        }
        return GoldenArray.complex(new int[] {s.length}, re, im);
    }

    private static int compare(double x, double y) {
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** A number or a list of numbers. */
    private static double[] numbers(GoldenCase c, String name) {
        JsonNode n = c.params() == null ? null : c.params().get(name);
        if (n != null && n.isNumber()) {
            return new double[] {n.asDouble()};
        }
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(c.name() + ": parameter '" + name + "' = " + n
                    + " is not a number or a list of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new IllegalArgumentException(c.name() + ": parameter '" + name + "' = " + n
                        + " is not a list of numbers");
            }
            v[i] = n.get(i).asDouble();
        }
        return v;
    }
}
