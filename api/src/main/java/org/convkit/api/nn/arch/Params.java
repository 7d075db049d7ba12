package org.convkit.api.nn.arch;

import java.util.List;
import org.convkit.api.nn.Padding;

/**
 * The bracket parameters of one layer letter, each {@code null} when not given (the builder then
 * uses the documented default), and their canonical text.
 *
 * @param filters   C: output channels
 * @param kernel    C, P, A: kernel size on every axis
 * @param stride    C, P, A: stride on every axis
 * @param padding   C: explicit, {@code same} or {@code valid}; P, A: explicit
 * @param dilation  C: dilation on every axis
 * @param groups    C: channel groups
 * @param units     F: output features
 * @param bias      C, F: false for {@code nobias}
 * @param rate      D: drop probability; R: negative slope
 * @param canonical the parameters as written, normalised (numbers without leading zeros, names lower case)
 */
record Params(Integer filters, Integer kernel, Integer stride, Padding padding, Integer dilation, Integer groups,
        Integer units, boolean bias, Double rate, List<String> canonical) {

    static final Params NONE = new Params(null, null, null, null, null, null, null, true, null, List.of());

    Params {
        canonical = List.copyOf(canonical);
    }
}
