package org.convkit.api.signal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;

/**
 * A Butterworth design (scipy.signal.butter with {@code fs}), run as second-order sections:
 * {@link Sos#sosfilt}, or zero-phase {@link Sos#sosfiltfilt}. The design is computed once here;
 * the record keeps the design parameters, which is what the JSON form records.
 */
public record ButterworthFilter(Butterworth.Band band, int order, double[] cutoffsHz, double fs, boolean zeroPhase)
        implements Filter {
    static final String TYPE = "butterworth";

    public ButterworthFilter {
        cutoffsHz = cutoffsHz.clone();
        // designing validates order, cutoffs against (0, fs/2) and their count for the band
        Butterworth.design(order, cutoffsHz, band, fs);
    }

    /** The design: zeros, poles and gain, (b, a), sections and any warnings. */
    public Butterworth.Design design() {
        return Butterworth.design(order, cutoffsHz, band, fs);
    }

    /** The second-order sections of this design (n x 6). */
    public double[][] sections() {
        return design().sections();
    }

    /** The (b, a) form, for analysis; filtering uses {@link #sections()}. */
    @Override
    public TransferFunction transferFunction() {
        return design().transferFunction();
    }

    @Override
    public double[] cutoffsHz() {
        return cutoffsHz.clone();
    }

    @Override
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        double[][] sos = sections();
        return zeroPhase ? Sos.sosfiltfilt(sos, x, ctx) : Sos.sosfilt(sos, x, ctx);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", TYPE)
                .put("band", band.name().toLowerCase(Locale.ROOT)).put("order", order);
        Arrays.stream(cutoffsHz).forEach(o.putArray("cutoffsHz")::add);
        return o.put("fs", fs).put("zeroPhase", zeroPhase);
    }

    @Override
    public String describe() {
        return "butterworth " + band.name().toLowerCase(Locale.ROOT) + " order " + order + " " + Arrays.toString(cutoffsHz)
                + " Hz at " + fs + " Hz" + (zeroPhase ? ", zero-phase" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ButterworthFilter f && band == f.band && order == f.order && Arrays.equals(cutoffsHz, f.cutoffsHz)
                && Double.compare(fs, f.fs) == 0 && zeroPhase == f.zeroPhase;
    }

    @Override
    public int hashCode() {
        return ((band.hashCode() * 31 + order) * 31 + Arrays.hashCode(cutoffsHz)) * 31 + Double.hashCode(fs)
                + Boolean.hashCode(zeroPhase);
    }

    @Override
    public String toString() {
        return "ButterworthFilter[" + describe() + "]";
    }
}
