package org.convkit.conv1d;

import java.util.List;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.testing.ConvEngineContract;

/** The direct engine with the best kernel available (the Vector API one under the build's flags). */
class Conv1dDirectContractTest extends ConvEngineContract {

    @Override
    protected ConvEngine engine() {
        return new Conv1dDirect();
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
