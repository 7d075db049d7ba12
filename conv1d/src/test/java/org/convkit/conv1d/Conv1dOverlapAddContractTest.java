package org.convkit.conv1d;

import org.convkit.api.conv.ConvEngine;
import org.convkit.api.testing.ConvEngineContract;

class Conv1dOverlapAddContractTest extends ConvEngineContract {

    @Override
    protected ConvEngine engine() {
        return new Conv1dOverlapAdd();
    }

    @Override
    protected int rank() {
        return 1;
    }
}
