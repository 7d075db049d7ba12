package org.convkit.api.nn.arch;

import java.util.Arrays;
import java.util.Objects;
import org.convkit.api.nn.ModelSpec;

/**
 * A model spec built for an input shape and a class count, with the name and notation it came from.
 *
 * @param name     the zoo name ({@code vgg16}) or the canonical notation
 * @param notation the canonical notation the spec was built from, or {@code null} (graph models)
 * @param spec     the layers
 * @param input    the input shape {@code [C, spatial...]}, no batch axis
 * @param classes  the number of classes the model was built for
 */
public record Architecture(String name, String notation, ModelSpec spec, int[] input, int classes) {

    public Architecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        checkInput(input, classes);
        input = input.clone();
    }

    /**
     * Builds a notation string (see {@link Notation}).
     *
     * @throws NotationException at the first character that cannot be read or built
     */
    public static Architecture fromNotation(String notation, int[] input, int classes) {
        Notation n = Notation.parse(notation);
        return new Architecture(n.toString(), n.toString(), n.build(input, classes), input, classes);
    }

    /** The parameters and output shape of every layer, for {@link #input()}. */
    public Summary summary() {
        return Summary.of(this);
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    /** Checks an input shape {@code [C, L]}, {@code [C, H, W]} or {@code [C, D, H, W]} and a class count. */
    static void checkInput(int[] input, int classes) {
        if (input.length < 2 || input.length > 4 || Arrays.stream(input).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("the input shape must be [C, L], [C, H, W] or [C, D, H, W] with "
                    + "positive sizes, got " + Arrays.toString(input));
        }
        if (classes < 1) {
            throw new IllegalArgumentException("the class count must be positive, got " + classes);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && a.name.equals(name) && Objects.equals(a.notation, notation)
                && a.spec.equals(spec) && Arrays.equals(a.input, input) && a.classes == classes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, notation, spec, Arrays.hashCode(input), classes);
    }

    @Override
    public String toString() {
        return "Architecture[" + name + ", input " + Arrays.toString(input) + ", " + classes + " classes]";
    }
}
