package org.convkit.conv1d;

import java.util.List;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.testing.ConvEngineContract;

/** The direct engine on its plain Java kernel, the fallback when the Vector API is absent. */
class Conv1dDirectScalarContractTest extends ConvEngineContract {

    @Override
    protected ConvEngine engine() {
        return new Conv1dDirect(new ScalarDirectKernel());
    }

    @Override
    protected int rank() {
        return 1;
    }

    @Override
    protected List<ConvSpec> extraSpecs() {
        return StridedSpecs.all();
    }
}
