package org.convkit.api.signal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;

/**
 * A difference equation given by its coefficients: {@link Lfilter#lfilter}, or zero-phase
 * {@link FiltFilt#filtfilt}. For high orders prefer {@link ButterworthFilter}, which runs as
 * second-order sections.
 */
public record IirFilter(double[] b, double[] a, boolean zeroPhase) implements Filter {
    static final String TYPE = "iir";

    public IirFilter {
        if (b == null || a == null || b.length == 0 || a.length == 0) {
            throw new IllegalArgumentException("an IIR filter needs non-empty b and a");
        }
        if (a[0] == 0) {
            throw new IllegalArgumentException("a[0] must not be 0, got a = " + Arrays.toString(a));
        }
        b = b.clone();
        a = a.clone();
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        return zeroPhase ? FiltFilt.filtfilt(b, a, x, ctx) : Lfilter.lfilter(b, a, x, ctx);
    }

    @Override
    public TransferFunction transferFunction() {
        return new TransferFunction(b, a);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        Arrays.stream(b).forEach(o.putArray("b")::add);
        Arrays.stream(a).forEach(o.putArray("a")::add);
        return o.put("zeroPhase", zeroPhase);
    }

    @Override
    public String describe() {
        return "IIR b=" + Arrays.toString(b) + " a=" + Arrays.toString(a) + (zeroPhase ? ", zero-phase" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IirFilter f && zeroPhase == f.zeroPhase && Arrays.equals(b, f.b) && Arrays.equals(a, f.a);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(b) + Arrays.hashCode(a)) + Boolean.hashCode(zeroPhase);
    }

    @Override
    public String toString() {
        return "IirFilter[b=" + Arrays.toString(b) + ", a=" + Arrays.toString(a) + ", zeroPhase=" + zeroPhase + "]";
    }
}
