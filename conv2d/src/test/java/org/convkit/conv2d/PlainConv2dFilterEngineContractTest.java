package org.convkit.conv2d;

import org.convkit.api.nd.DType;
import org.convkit.api.ndimage.FilterEngine;
import org.convkit.api.testing.FilterEngineContract;

/** The fallback inner loops, used when the Vector API module is absent, pass the same contract. */
class PlainConv2dFilterEngineContractTest extends FilterEngineContract {
    @Override
    protected FilterEngine engine() {
        return new Conv2dFilterEngine(new PlainLineKernels());
    }

    @Override
    protected DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    protected int[] separableRanks() {
        return new int[] {1, 2, 3};
    }

    @Override
    protected int[] directRanks() {
        return new int[] {2};
    }
}
