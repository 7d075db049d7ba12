package org.convkit.cli.training;

import org.convkit.api.domain.Domain;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ModelSpec;

/** The network {@code --arch} names: {@code default} (the domain's own) or, once wired, the architecture zoo. */
public final class Networks {
    /** The {@code --arch} value that asks for {@link Domain#defaultNetwork}. */
    public static final String DEFAULT = "default";

    private Networks() {
    }

    /**
     * The network for {@code arch}, inputs of {@code sampleShape} and {@code classes} outputs.
     *
     * @throws IllegalArgumentException for an architecture this build cannot make
     */
    public static ModelSpec build(String arch, Domain domain, Shape sampleShape, int classes) {
        if (arch.strip().equalsIgnoreCase(DEFAULT)) {
            return domain.defaultNetwork(sampleShape, classes);
        }
        return fromArchitecture(arch, sampleShape, classes);
    }

    /**
     * THE PLUG-IN POINT for {@code org.convkit.api.nn.arch}: a zoo name ({@code lenet5},
     * {@code resnet18-1d}...) or the architecture notation, built for {@code sampleShape} and
     * {@code classes}. Until that package is merged, only {@value #DEFAULT} exists.
     */
    static ModelSpec fromArchitecture(String arch, Shape sampleShape, int classes) {
        throw new IllegalArgumentException("--arch '" + arch + "': this build knows only --arch " + DEFAULT
                + " (the domain's network); zoo names and the architecture notation are not wired in yet");
    }
}
