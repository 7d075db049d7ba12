package org.convkit.api.signal;

import org.convkit.api.nd.DoubleNd;

/**
 * The output of a filter run with explicit state: the filtered signal {@code y} and the final
 * state {@code zf}, to be passed as the initial state of the next chunk (as scipy's
 * {@code lfilter(..., zi=...)} and {@code sosfilt(..., zi=...)} return {@code (y, zf)}).
 * The layout of {@code zf} is the layout the filter documents for its {@code zi}.
 */
public record FilterResult(DoubleNd y, DoubleNd zf) {

    public FilterResult {
        if (y == null || zf == null) {
            throw new IllegalArgumentException("filter result needs both y and zf, got y=" + y + ", zf=" + zf);
        }
    }
}
