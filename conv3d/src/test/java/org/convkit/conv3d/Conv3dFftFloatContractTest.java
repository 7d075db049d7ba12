package org.convkit.conv3d;

import org.convkit.api.conv.ConvEngine;
import org.convkit.api.nd.DType;
import org.convkit.api.testing.ConvEngineContract;

/** {@link Conv3dFft} on float32 inputs: widened on read, rounded once on write. */
class Conv3dFftFloatContractTest extends ConvEngineContract {
    @Override
    protected ConvEngine engine() {
        return new Conv3dFft();
    }

    @Override
    protected int rank() {
        return 3;
    }

    @Override
    protected DType dtype() {
        return DType.FLOAT32;
    }
}
