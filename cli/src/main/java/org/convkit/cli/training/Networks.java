package org.convkit.cli.training;

import org.convkit.api.domain.Domain;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.arch.Architecture;
import org.convkit.api.nn.arch.NotationException;
import org.convkit.api.nn.arch.Zoo;

/** The network {@code --arch} names: {@code default} (the domain's own), a zoo name or the architecture notation. */
public final class Networks {
    /** The {@code --arch} value that asks for {@link Domain#defaultNetwork}. */
    public static final String DEFAULT = "default";

    private Networks() {
    }

    /**
     * The network for {@code arch}, inputs of {@code sampleShape} and {@code classes} outputs: the
     * domain's default network, a zoo network ({@code lenet5}, {@code resnet18}...; see
     * {@link Zoo#names()}) or a notation string such as {@code (CR)2P(CR)2PF}.
     *
     * @throws IllegalArgumentException for an unknown name, a notation that does not parse (a
     *                                  {@link org.convkit.api.nn.arch.NotationException} with the position) or a network
     *                                  the input shape cannot feed
     */
    public static ModelSpec build(String arch, Domain domain, Shape sampleShape, int classes) {
        String a = arch.strip();
        if (a.equalsIgnoreCase(DEFAULT)) {
            return domain.defaultNetwork(sampleShape, classes);
        }
        int[] input = TrainingRun.dims(sampleShape);
        if (Zoo.contains(a.toLowerCase(java.util.Locale.ROOT))) {
            return Zoo.build(a.toLowerCase(java.util.Locale.ROOT), input, classes).spec();
        }
        Architecture built;
        try {
            built = Architecture.fromNotation(a, input, classes);
        } catch (NotationException e) {
            throw new IllegalArgumentException("--arch '" + a + "': not a zoo name (" + String.join(", ", Zoo.names())
                    + "); as notation, " + e.getMessage(), e);
        }
        return built.spec();
    }
}
