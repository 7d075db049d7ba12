package org.convkit.cli;

import java.util.List;
import java.util.Optional;
import org.convkit.api.nd.NdArray;

/**
 * The hook for {@code --kernel NAME}. Named kernels (sobel, laplace, gaussian...) come from
 * {@code org.convkit.api.ndimage.Kernels.named}, which is not in this build yet: until it is, no
 * name is known. To enable: make {@link #lookup} return {@code Kernels.named(name)} and
 * {@link #known} list {@code Kernels.names()}.
 */
final class NamedKernels {

    private NamedKernels() {
    }

    /** The kernel called {@code name}, or empty when there is none. */
    static Optional<NdArray> lookup(String name) {
        return Optional.empty();
    }

    /** The names {@link #lookup} knows. */
    static List<String> known() {
        return List.of();
    }
}
