package org.convkit.api.conv;

import org.convkit.api.testing.ConvEngineContract;

/** The reference against itself: checks the contract's own machinery (shapes, dtype, threads). */
class ReferenceConvolutionContractTest extends ConvEngineContract {
    @Override
    protected ConvEngine engine() {
        return new ReferenceConvolution();
    }

    @Override
    protected int rank() {
        return 2;
    }
}
