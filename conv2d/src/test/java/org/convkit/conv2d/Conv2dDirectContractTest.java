package org.convkit.conv2d;

import org.convkit.api.conv.ConvEngine;
import org.convkit.api.nd.DType;
import org.convkit.api.testing.ConvEngineContract;

class Conv2dDirectContractTest extends ConvEngineContract {
    @Override
    protected ConvEngine engine() {
        return new Conv2dDirect();
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
