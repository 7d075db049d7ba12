package org.convkit.conv2d;

import org.convkit.api.conv.ConvEngine;
import org.convkit.api.nd.DType;
import org.convkit.api.testing.ConvEngineContract;

/** The fallback inner loops, used when the Vector API module is absent, pass the same contract. */
class PlainConv2dDirectContractTest extends ConvEngineContract {
    @Override
    protected ConvEngine engine() {
        return new Conv2dDirect(new PlainLineKernels());
    }

    @Override
    protected int rank() {
        return 2;
    }

    @Override
    protected DType dtype() {
        return DType.FLOAT32;
    }
}
