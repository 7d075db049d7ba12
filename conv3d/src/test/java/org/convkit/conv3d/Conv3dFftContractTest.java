package org.convkit.conv3d;

import java.util.List;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.testing.ConvEngineContract;

/** {@link Conv3dFft} against the reference in float64 (its working precision), with dilation. */
class Conv3dFftContractTest extends ConvEngineContract {
    @Override
    protected ConvEngine engine() {
        return new Conv3dFft();
    }

    @Override
    protected int rank() {
        return 3;
    }

    @Override
    protected List<ConvSpec> extraSpecs() {
        return List.of(ConvSpec.convolve(ConvMode.SAME).withDilation(2),
                ConvSpec.correlate(ConvMode.FULL).withDilation(1, 3, 2));
    }
}
