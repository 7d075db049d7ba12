package org.convkit.api.signal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/**
 * A finite impulse response: causal, {@code y = lfilter(taps, [1], x)}, computed per channel as the
 * first {@code T} samples of the full convolution with the fastest engine; or zero-phase,
 * {@code filtfilt(taps, [1], x)}.
 */
public record FirFilter(double[] taps, boolean zeroPhase) implements Filter {
    static final String TYPE = "fir";

    public FirFilter {
        if (taps == null || taps.length == 0) {
            throw new IllegalArgumentException("an FIR filter needs at least one tap");
        }
        taps = taps.clone();
    }

    @Override
    public double[] taps() {
        return taps.clone();
    }

    @Override
    public DoubleNd apply(DoubleNd x, ConvContext ctx) {
        if (zeroPhase) {
            return FiltFilt.filtfilt(taps, new double[] {1}, x, ctx);
        }
        DoubleNd kernel = DoubleNd.vector(taps);
        ConvContext one = ctx.withThreads(1);
        return Channels.map(x, ctx, row -> {
            int t = row.shape().dim(0);
            DoubleNd full = (DoubleNd) Convolution.apply(row, kernel, ConvSpec.convolve(ConvMode.FULL), one);
            return new DoubleNd(full.data(), full.offset(), Shape.of(t));
        });
    }

    @Override
    public TransferFunction transferFunction() {
        return new TransferFunction(taps, new double[] {1});
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        Arrays.stream(taps).forEach(o.putArray("taps")::add);
        return o.put("zeroPhase", zeroPhase);
    }

    @Override
    public String describe() {
        return "FIR, " + taps.length + " taps" + (zeroPhase ? ", zero-phase" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirFilter f && zeroPhase == f.zeroPhase && Arrays.equals(taps, f.taps);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(taps) + Boolean.hashCode(zeroPhase);
    }

    @Override
    public String toString() {
        return "FirFilter[taps=" + Arrays.toString(taps) + ", zeroPhase=" + zeroPhase + "]";
    }
}
