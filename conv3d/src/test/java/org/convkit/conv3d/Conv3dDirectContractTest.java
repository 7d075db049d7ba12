package org.convkit.conv3d;

import java.util.List;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.nd.DType;
import org.convkit.api.testing.ConvEngineContract;

/** {@link Conv3dDirect} against the reference in float32, with strides on the first axes and dilation. */
class Conv3dDirectContractTest extends ConvEngineContract {
    @Override
    protected ConvEngine engine() {
        return new Conv3dDirect();
    }

    @Override
    protected int rank() {
        return 3;
    }

    @Override
    protected DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    protected List<ConvSpec> extraSpecs() {
        return List.of(ConvSpec.correlate(ConvMode.VALID).withStride(2, 3, 1),
                ConvSpec.convolve(ConvMode.SAME).withDilation(2),
                ConvSpec.convolve(ConvMode.FULL).withDilation(1, 3, 2).withStride(3, 1, 1));
    }
}
