package org.convkit.api.signal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;

/**
 * A mains notch (scipy.signal.iirnotch(frequencyHz, q, fs)) applied with {@link Lfilter#lfilter},
 * or zero-phase with {@link FiltFilt#filtfilt}.
 */
public record NotchFilter(double frequencyHz, double q, double fs, boolean zeroPhase) implements Filter {
    static final String TYPE = "notch";

    public NotchFilter {
        Notch.iirnotch(frequencyHz, q, fs); // validates the frequency against (0, fs/2), q and fs
    }

    /** The designed (b, a). */
    @Override
    public TransferFunction transferFunction() {
        return Notch.iirnotch(frequencyHz, q, fs);
    }

    @Override
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        TransferFunction tf = transferFunction();
        return zeroPhase ? FiltFilt.filtfilt(tf.b(), tf.a(), x, ctx) : Lfilter.lfilter(tf.b(), tf.a(), x, ctx);
    }

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("type", TYPE).put("frequencyHz", frequencyHz).put("q", q)
                .put("fs", fs).put("zeroPhase", zeroPhase);
    }

    @Override
    public String describe() {
        return "notch " + frequencyHz + " Hz, Q " + q + " at " + fs + " Hz" + (zeroPhase ? ", zero-phase" : "");
    }
}
