package org.convkit.api.nn.arch;

import java.util.List;
import java.util.Optional;
import org.convkit.api.nn.SequentialSpec;

/**
 * The lecture's architecture notation, e.g. {@code (CR)2P(CR)2P(CR)2PF}: a string of layer
 * letters, a number after a letter or a parenthesised group repeating it, and optional bracket
 * parameters. The same string builds a 1-d, 2-d or 3-d {@link SequentialSpec}: the rank comes from
 * the input shape ({@code [C, L]}, {@code [C, H, W]} or {@code [C, D, H, W]}).
 *
 * <pre>
 * model  = item+              item   = (layer | '(' model ')') count?     count = digits (1 to 1000)
 * layer  = letter ('[' param (',' param)* ']')?                           whitespace is ignored
 * </pre>
 *
 * <table>
 * <caption>Letters and their defaults</caption>
 * <tr><th>letter</th><th>layer</th><th>parameters (default)</th></tr>
 * <tr><td>C</td><td>convolution</td><td>{@code C[filters, kernel, s<stride>, p<padding> | same | valid,
 *     d<dilation>, g<groups>, nobias]}; {@code k<kernel>} sets the kernel alone. Filters: the previous C's,
 *     doubled if a P or A came in between, 32 for the first; kernel 3, stride 1, padding {@code same},
 *     dilation 1, groups 1, with bias</td></tr>
 * <tr><td>R</td><td>ReLU</td><td>{@code R[negative slope]} (0: plain ReLU)</td></tr>
 * <tr><td>P</td><td>max pooling</td><td>{@code P[kernel, stride, p<padding>]} (2, stride = kernel, padding 0;
 *     padding at most kernel / 2, as in PyTorch: {@code P[3,2,p1]} is ResNet's stem pooling)</td></tr>
 * <tr><td>A</td><td>average pooling</td><td>as P</td></tr>
 * <tr><td>G</td><td>global average pooling</td><td>none; the output is flat {@code [channels]}</td></tr>
 * <tr><td>F</td><td>fully connected</td><td>{@code F[units, nobias]}; without units only as the last
 *     layer, where it has one unit per class</td></tr>
 * <tr><td>D</td><td>dropout</td><td>{@code D[p]} (0.5)</td></tr>
 * <tr><td>B</td><td>batch normalisation</td><td>none (momentum 0.1, eps 1e-5)</td></tr>
 * </table>
 *
 * <p>A flatten is inserted before the first F (ahead of the D letters directly before it)
 * unless the input there is already flat (after G). Layers are named as {@link SequentialSpec#of}
 * names them: {@code conv1}, {@code relu2}, ..., the flatten included.
 */
public final class Notation {
    private final String text;
    private final List<Term> items;

    private Notation(String text, List<Term> items) {
        this.text = text;
        this.items = items;
    }

    /**
     * Reads a notation string.
     *
     * @throws NotationException at the first character that does not fit the grammar
     */
    public static Notation parse(String text) {
        return new Notation(text, NotationParser.parse(text));
    }

    /**
     * The layers for an input of shape {@code input} ({@code [C, spatial...]}, no batch axis, 1 to 3
     * spatial axes) and {@code classes} classes (the size of a final F without units).
     *
     * @throws NotationException at the letter whose layer cannot be made or does not fit its input
     */
    public SequentialSpec build(int[] input, int classes) {
        Architecture.checkInput(input, classes);
        return NotationBuilder.build(text, items, input, classes);
    }

    /** The string as given. */
    public String text() {
        return text;
    }

    /**
     * The canonical form: whitespace removed, letters upper case, numbers without leading zeros, a
     * count of 1 left out; groups and parameters are kept as written, so {@code (CR)2P} stays
     * {@code (CR)2P} and parsing the canonical form gives it back.
     */
    @Override
    public String toString() {
        return Term.canonical(items);
    }

    /**
     * A notation that builds the same layers as {@code spec} for {@code input} (every F with its
     * units), repeats folded into counts; empty when some layer has no letter (a transposed
     * convolution, per-axis kernels, a flatten elsewhere than before the first F...).
     */
    public static Optional<String> derive(SequentialSpec spec, int[] input) {
        Architecture.checkInput(input, 1);
        return NotationDeriver.derive(spec, input);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notation n && n.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
