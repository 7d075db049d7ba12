package org.convkit.api.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;

/**
 * One step of a recording's preprocessing: a linear filter applied along the last (time) axis of a
 * signal, 1-d {@code (T)} or multichannel {@code (channels, T)}, each channel independently and
 * in parallel. Steps are immutable, chain into a {@link FilterChain}, and describe themselves as a
 * small JSON object whose {@code "type"} names the step, so a model file can record the chain it
 * was trained with. Inputs are never modified.
 */
public sealed interface Filter permits MovingAverageFilter, FirFilter, IirFilter, ButterworthFilter, NotchFilter {

    /** The filtered signal, same shape as {@code x}; results do not depend on {@code ctx.threads()}. */
    DoubleNd apply(DoubleNd x, ConvContext ctx);

    /**
     * The step's transfer function {@code H(z) = B(z)/A(z)} (for the moving average, the boxcar
     * {@code ones(w)/w}, whose 'same' alignment only shifts it in time). A zero-phase step applies
     * {@code |H|^2} with no phase.
     */
    TransferFunction transferFunction();

    /** This step as a JSON object: {@code {"type": ..., parameters...}}. */
    ObjectNode toJson();

    /** One line for people, e.g. {@code butterworth bandpass order 4 [1.0, 40.0] Hz at 256.0 Hz, zero-phase}. */
    String describe();

    /**
     * Reads a step written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the field and value when the object is not a valid step
     */
    static Filter fromJson(JsonNode node) {
        JsonFields f = new JsonFields(node);
        String type = f.string("type");
        return switch (type) {
            case MovingAverageFilter.TYPE -> new MovingAverageFilter(f.integer("window"));
            case FirFilter.TYPE -> new FirFilter(f.numbers("taps"), f.bool("zeroPhase"));
            case IirFilter.TYPE -> new IirFilter(f.numbers("b"), f.numbers("a"), f.bool("zeroPhase"));
            case ButterworthFilter.TYPE -> new ButterworthFilter(Butterworth.Band.parse(f.string("band")),
                    f.integer("order"), f.numbers("cutoffsHz"), f.number("fs"), f.bool("zeroPhase"));
            case NotchFilter.TYPE -> new NotchFilter(f.number("frequencyHz"), f.number("q"), f.number("fs"),
                    f.bool("zeroPhase"));
            default -> throw new IllegalArgumentException("field 'type': unknown filter '" + type + "' (known: "
                    + String.join(", ", MovingAverageFilter.TYPE, FirFilter.TYPE, IirFilter.TYPE, ButterworthFilter.TYPE,
                    NotchFilter.TYPE) + ")");
        };
    }
}
