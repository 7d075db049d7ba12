package org.convkit.cli.conformance;

import java.util.Map;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.signal.FiltFilt;
import org.convkit.api.signal.FilterResult;
import org.convkit.api.signal.Lfilter;
import org.convkit.api.signal.Sos;

/**
 * Handlers for the IIR filtering ops of {@code dsp/ccde.json}: {@code lfilter} (b, a, x [, zi] ->
 * y [, zf]), {@code lfilter_zi} (b, a -> zi), {@code filtfilt} (b, a, x -> y), {@code sosfilt} and
 * {@code sosfiltfilt} (sos of shape n x 6, x -> y). Signals are filtered along their last axis.
 */
final class FilterHandlers {

    private FilterHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "lfilter", c -> {
            double[] b = vector(c, "b");
            double[] a = vector(c, "a");
            DoubleNd x = c.input("x").toDoubleNd();
            if (!c.inputs().containsKey("zi")) {
                return Map.of("y", GoldenArray.of(Lfilter.lfilter(b, a, x)));
            }
            FilterResult r = Lfilter.lfilter(b, a, x, c.input("zi").toDoubleNd());
            return Map.of("y", GoldenArray.of(r.y()), "zf", GoldenArray.of(r.zf()));
        });
        OpHandlers.put(m, "lfilter_zi", c -> Map.of("zi", GoldenArray.of(
                DoubleNd.vector(Lfilter.lfilterZi(vector(c, "b"), vector(c, "a"))))));
        OpHandlers.put(m, "filtfilt", c -> Map.of("y", GoldenArray.of(
                FiltFilt.filtfilt(vector(c, "b"), vector(c, "a"), c.input("x").toDoubleNd()))));
        OpHandlers.put(m, "sosfilt", c -> Map.of("y", GoldenArray.of(
                Sos.sosfilt(sections(c), c.input("x").toDoubleNd()))));
        OpHandlers.put(m, "sosfiltfilt", c -> Map.of("y", GoldenArray.of(
                Sos.sosfiltfilt(sections(c), c.input("x").toDoubleNd()))));
    }

    private static double[] vector(GoldenCase c, String name) {
        return c.input(name).toDoubleNd().toArray();
    }

    /** The case's {@code sos} input (n x 6) as rows. */
    private static double[][] sections(GoldenCase c) {
        DoubleNd sos = c.input("sos").toDoubleNd();
        if (sos.shape().rank() != 2 || sos.shape().dim(1) != 6) {
            throw new IllegalArgumentException("sos input must have shape (n, 6), got " + sos.shape());
        }
        double[][] rows = new double[sos.shape().dim(0)][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = sos.slice(s).toArray();
        }
        return rows;
    }
}
