package org.convkit.conv1d;

import org.convkit.api.conv.ConvEngine;
import org.convkit.api.nd.DType;
import org.convkit.api.testing.ConvEngineContract;

/** float32 inputs are computed in float64 and rounded at the edge. */
class Conv1dDirectFloatContractTest extends ConvEngineContract {

    @Override
    protected ConvEngine engine() {
        return new Conv1dDirect();
    }

    @Override
    protected int rank() {
        return 1;
    }

    @Override
    protected DType dtype() {
        return DType.FLOAT32;
    }
}
