package org.convkit.conv1d;

import java.util.List;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;

/** Strided and dilated specs the direct engine's contract tests add to the plain ones. */
final class StridedSpecs {
    private StridedSpecs() {
    }

    static List<ConvSpec> all() {
        return List.of(
                ConvSpec.correlate(ConvMode.VALID).withStride(2),
                ConvSpec.convolve(ConvMode.SAME).withStride(3),
                ConvSpec.correlate(ConvMode.FULL).withDilation(2),
                ConvSpec.convolve(ConvMode.SAME).withDilation(3),
                ConvSpec.correlate(ConvMode.SAME).withStride(2).withDilation(2));
    }
}
