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
public record IirFilter(TransferFunction transferFunction, boolean zeroPhase) implements Filter {
    static final String TYPE = "iir";

    public IirFilter {
        if (transferFunction.a()[0] == 0) {
            throw new IllegalArgumentException("a[0] must not be 0, got a = " + Arrays.toString(transferFunction.a()));
        }
    }

    /** The filter {@code (b, a)}. */
    public IirFilter(double[] b, double[] a, boolean zeroPhase) {
        this(new TransferFunction(b, a), zeroPhase);
    }

    @Override
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        double[] b = transferFunction.b();
        double[] a = transferFunction.a();
        return zeroPhase ? FiltFilt.filtfilt(b, a, x, ctx) : Lfilter.lfilter(b, a, x, ctx);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        Arrays.stream(transferFunction.b()).forEach(o.putArray("b")::add);
        Arrays.stream(transferFunction.a()).forEach(o.putArray("a")::add);
        return o.put("zeroPhase", zeroPhase);
    }

    @Override
    public String describe() {
        return "IIR b=" + Arrays.toString(transferFunction.b()) + " a=" + Arrays.toString(transferFunction.a())
                + (zeroPhase ? ", zero-phase" : "");
    }
}
